/**
 * The words of the public pages (unsubscribe, preference centre, double opt-in confirmation) in each
 * shipped locale, written the way a person of that language would write them. `{brand}` is the
 * workspace's name and `{email}` the contact's address (masked); both are escaped where they are put.
 */
import type { ShippedLocale } from '../../workspaces/email-settings.schema.ts';

export interface PageText {
  readonly title: string;
  readonly question: string;
  readonly unsubscribe: string;
  readonly preferencesTitle: string;
  readonly save: string;
  readonly done: string;
  readonly saved: string;
  readonly invalid: string;
  readonly transactionalNote: string;
  readonly alreadyUnsubscribed: string;
  readonly resubscribe: string;
  readonly resubscribed: string;
  readonly confirmTitle: string;
  readonly confirmText: string;
  readonly confirmButton: string;
  readonly confirmed: string;
  readonly alreadyConfirmed: string;
  readonly nothingToConfirm: string;
}

export const PAGE_TEXT: Readonly<Record<ShippedLocale, PageText>> = {
  en: {
    title: 'Email preferences',
    question: 'Unsubscribe {email} from {brand} marketing emails?',
    unsubscribe: 'Unsubscribe',
    preferencesTitle: 'Or choose what you’d like to receive',
    save: 'Save my choices',
    done: 'You’re unsubscribed. You won’t get marketing emails from {brand} any more.',
    saved: 'Your choices have been saved.',
    invalid: 'This link doesn’t work. It may not have been copied in full.',
    transactionalNote: 'You’ll still get emails about your orders and your account.',
    alreadyUnsubscribed: '{email} no longer gets marketing emails from {brand}.',
    resubscribe: 'Subscribe again',
    resubscribed: 'Welcome back! You’ll get emails from {brand} again.',
    confirmTitle: 'Confirm your subscription',
    confirmText: 'Please confirm that {email} would like to get emails from {brand}.',
    confirmButton: 'Yes, subscribe me',
    confirmed: 'Thank you! Your subscription is confirmed.',
    alreadyConfirmed: 'Your subscription was already confirmed.',
    nothingToConfirm: 'There’s nothing to confirm for this address.',
  },
  es: {
    title: 'Preferencias de correo',
    question: '¿Quieres dejar de recibir en {email} los correos promocionales de {brand}?',
    unsubscribe: 'Darme de baja',
    preferencesTitle: 'O elige qué quieres recibir',
    save: 'Guardar mis preferencias',
    done: 'Te has dado de baja. Ya no recibirás correos promocionales de {brand}.',
    saved: 'Hemos guardado tus preferencias.',
    invalid: 'Este enlace no funciona. Puede que no se haya copiado completo.',
    transactionalNote: 'Seguirás recibiendo los correos sobre tus pedidos y tu cuenta.',
    alreadyUnsubscribed: '{email} ya no recibe correos promocionales de {brand}.',
    resubscribe: 'Volver a suscribirme',
    resubscribed: '¡Qué bien tenerte de vuelta! Volverás a recibir los correos de {brand}.',
    confirmTitle: 'Confirma tu suscripción',
    confirmText: 'Confirma que quieres recibir en {email} los correos de {brand}.',
    confirmButton: 'Sí, quiero suscribirme',
    confirmed: '¡Gracias! Tu suscripción está confirmada.',
    alreadyConfirmed: 'Tu suscripción ya estaba confirmada.',
    nothingToConfirm: 'No hay nada que confirmar para esta dirección.',
  },
  fr: {
    title: 'Préférences e-mail',
    question: 'Ne plus recevoir les e-mails promotionnels de {brand} à l’adresse {email}\u00a0?',
    unsubscribe: 'Me désabonner',
    preferencesTitle: 'Ou choisissez ce que vous souhaitez recevoir',
    save: 'Enregistrer mes choix',
    done: 'Votre désabonnement est bien pris en compte. Vous ne recevrez plus d’e-mails promotionnels de {brand}.',
    saved: 'Vos choix ont bien été enregistrés.',
    invalid: 'Ce lien ne fonctionne pas. Il a peut-être été copié de façon incomplète.',
    transactionalNote: 'Vous continuerez à recevoir les e-mails liés à vos commandes et à votre compte.',
    alreadyUnsubscribed: 'L’adresse {email} ne reçoit plus les e-mails promotionnels de {brand}.',
    resubscribe: 'Me réabonner',
    resubscribed: 'Ravis de vous retrouver\u00a0! Vous recevrez à nouveau les e-mails de {brand}.',
    confirmTitle: 'Confirmez votre inscription',
    confirmText: 'Confirmez que vous souhaitez recevoir les e-mails de {brand} à l’adresse {email}.',
    confirmButton: 'Oui, je m’inscris',
    confirmed: 'Merci\u00a0! Votre inscription est confirmée.',
    alreadyConfirmed: 'Votre inscription était déjà confirmée.',
    nothingToConfirm: 'Il n’y a rien à confirmer pour cette adresse.',
  },
  it: {
    title: 'Preferenze email',
    question: 'Vuoi che {email} non riceva più le email promozionali di {brand}?',
    unsubscribe: 'Annulla l’iscrizione',
    preferencesTitle: 'Oppure scegli cosa ricevere',
    save: 'Salva le mie scelte',
    done: 'Iscrizione annullata. Non riceverai più email promozionali da {brand}.',
    saved: 'Le tue scelte sono state salvate.',
    invalid: 'Questo link non funziona. Forse non è stato copiato per intero.',
    transactionalNote: 'Continuerai a ricevere le email relative ai tuoi ordini e al tuo account.',
    alreadyUnsubscribed: '{email} non riceve più email promozionali da {brand}.',
    resubscribe: 'Iscrivimi di nuovo',
    resubscribed: 'Che piacere riaverti! Riceverai di nuovo le email di {brand}.',
    confirmTitle: 'Conferma la tua iscrizione',
    confirmText: 'Conferma che desideri ricevere le email di {brand} all’indirizzo {email}.',
    confirmButton: 'Sì, voglio iscrivermi',
    confirmed: 'Grazie! La tua iscrizione è confermata.',
    alreadyConfirmed: 'La tua iscrizione era già confermata.',
    nothingToConfirm: 'Non c’è nulla da confermare per questo indirizzo.',
  },
  'zh-Hant': {
    title: '電子郵件偏好設定',
    question: '要讓 {email} 不再收到 {brand} 的行銷電子郵件嗎？',
    unsubscribe: '取消訂閱',
    preferencesTitle: '或選擇您想收到的內容',
    save: '儲存我的選擇',
    done: '您已取消訂閱，之後不會再收到 {brand} 的行銷電子郵件。',
    saved: '已儲存您的選擇。',
    invalid: '此連結無法使用，可能是複製時不完整。',
    transactionalNote: '您仍會收到與訂單及帳戶相關的電子郵件。',
    alreadyUnsubscribed: '{email} 已不再收到 {brand} 的行銷電子郵件。',
    resubscribe: '重新訂閱',
    resubscribed: '歡迎回來！您將再次收到 {brand} 的電子郵件。',
    confirmTitle: '確認訂閱',
    confirmText: '請確認 {email} 要接收 {brand} 的電子郵件。',
    confirmButton: '是的，我要訂閱',
    confirmed: '謝謝！您的訂閱已確認。',
    alreadyConfirmed: '您的訂閱先前已確認。',
    nothingToConfirm: '此電子郵件地址沒有需要確認的訂閱。',
  },
};
