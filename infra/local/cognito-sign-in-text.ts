/**
 * The local Cognito's sign-in pages in the languages managed login's `lang` parameter selects (the
 * five the console speaks, by Cognito's codes: `zh-TW` for Traditional Chinese). An absent or other
 * `lang` gives English, as managed login defaults to English.
 */
export interface SignInText {
  /** The page's `<html lang>`. */
  readonly htmlLang: string;
  readonly signInTitle: string;
  readonly signInHeading: string;
  readonly localNote: string;
  readonly email: string;
  readonly password: string;
  readonly signIn: string;
  readonly incorrect: string;
  readonly newPasswordTitle: string;
  readonly newPasswordNote: string;
  readonly newPassword: string;
  readonly confirmPassword: string;
  readonly setPassword: string;
  readonly passwordsDiffer: string;
  readonly passwordPolicy: string;
  readonly errorTitle: string;
  /** The password reset ("Forgot your password?", as managed login), its pages and its email. */
  readonly forgotLink: string;
  readonly forgotTitle: string;
  readonly forgotNote: string;
  readonly sendCode: string;
  readonly backToSignIn: string;
  readonly emailInvalid: string;
  /** Told whether or not the address has an account. */
  readonly codeSent: (destination: string) => string;
  readonly resetRequired: string;
  readonly code: string;
  readonly codeFormat: string;
  readonly codeMismatch: string;
  readonly codeExpired: string;
  readonly codeLimit: string;
  readonly resetPassword: string;
  readonly newCode: string;
  readonly passwordChanged: string;
  readonly mailSubject: string;
  readonly mailBody: (code: string) => string;
}

const en: SignInText = {
  htmlLang: 'en',
  signInTitle: 'Sign in',
  signInHeading: 'Sign in to ecrm',
  localNote: "The local stack's sign-in (in AWS, the Cognito user pool's).",
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  incorrect: 'Incorrect email or password.',
  newPasswordTitle: 'Choose a new password',
  newPasswordNote: 'You signed in with a temporary password; choose your own to continue.',
  newPassword: 'New password',
  confirmPassword: 'Confirm the new password',
  setPassword: 'Set password and sign in',
  passwordsDiffer: 'The two passwords differ.',
  passwordPolicy: 'The password does not meet the policy: at least 8 characters.',
  errorTitle: 'Sign-in error',
  forgotLink: 'Forgot your password?',
  forgotTitle: 'Reset your password',
  forgotNote: 'Enter your email: we will send you a code to choose a new password.',
  sendCode: 'Send the code',
  backToSignIn: 'Back to sign in',
  emailInvalid: 'Email: enter a valid email address.',
  codeSent: (d) =>
    `We sent a code by email to ${d}. Enter it below to choose a new password; it is valid for one hour.`,
  resetRequired: 'Your password must be reset before you sign in.',
  code: 'Code',
  codeFormat: 'Code: enter the 6 digits from the email.',
  codeMismatch: 'Code: this code is not correct; try again.',
  codeExpired: 'Code: this code has expired or was already used; ask for a new one.',
  codeLimit: 'Code: too many wrong attempts; ask for a new code.',
  resetPassword: 'Reset the password',
  newCode: 'Send a new code',
  passwordChanged: 'Your password has been changed. Sign in with the new one.',
  mailSubject: 'Your password reset code',
  mailBody: (code) =>
    `Your code to reset your ecrm password is ${code}. It is valid for one hour.\n\nIf you did not ask for it, ignore this email: your password stays as it is.`,
};

const TEXTS: Readonly<Record<string, SignInText>> = {
  en,
  es: {
    htmlLang: 'es',
    signInTitle: 'Iniciar sesión',
    signInHeading: 'Inicia sesión en ecrm',
    localNote: 'El inicio de sesión de la pila local (en AWS, el del grupo de usuarios de Cognito).',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    incorrect: 'Correo electrónico o contraseña incorrectos.',
    newPasswordTitle: 'Elige una contraseña nueva',
    newPasswordNote: 'Has iniciado sesión con una contraseña temporal; elige la tuya para continuar.',
    newPassword: 'Contraseña nueva',
    confirmPassword: 'Confirma la contraseña nueva',
    setPassword: 'Guardar la contraseña e iniciar sesión',
    passwordsDiffer: 'Las dos contraseñas no coinciden.',
    passwordPolicy: 'La contraseña no cumple la política: al menos 8 caracteres.',
    errorTitle: 'Error de inicio de sesión',
    forgotLink: '¿Has olvidado la contraseña?',
    forgotTitle: 'Restablece la contraseña',
    forgotNote: 'Escribe tu correo electrónico: te enviaremos un código para elegir una contraseña nueva.',
    sendCode: 'Enviar el código',
    backToSignIn: 'Volver a iniciar sesión',
    emailInvalid: 'Correo electrónico: escribe una dirección válida.',
    codeSent: (d) =>
      `Hemos enviado un código por correo electrónico a ${d}. Escríbelo abajo para elegir una contraseña nueva; es válido durante una hora.`,
    resetRequired: 'Debes restablecer la contraseña antes de iniciar sesión.',
    code: 'Código',
    codeFormat: 'Código: escribe los 6 dígitos del correo.',
    codeMismatch: 'Código: el código no es correcto; inténtalo de nuevo.',
    codeExpired: 'Código: el código ha caducado o ya se ha usado; pide uno nuevo.',
    codeLimit: 'Código: demasiados intentos fallidos; pide un código nuevo.',
    resetPassword: 'Restablecer la contraseña',
    newCode: 'Enviar un código nuevo',
    passwordChanged: 'Tu contraseña se ha cambiado. Inicia sesión con la nueva.',
    mailSubject: 'Tu código para restablecer la contraseña',
    mailBody: (code) =>
      `Tu código para restablecer la contraseña de ecrm es ${code}. Es válido durante una hora.\n\nSi no lo has pedido, ignora este correo: tu contraseña no cambia.`,
  },
  fr: {
    htmlLang: 'fr',
    signInTitle: 'Connexion',
    signInHeading: 'Connectez-vous à ecrm',
    localNote: 'La connexion de la pile locale (dans AWS, celle du groupe d’utilisateurs Cognito).',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    incorrect: 'Adresse e-mail ou mot de passe incorrect.',
    newPasswordTitle: 'Choisissez un nouveau mot de passe',
    newPasswordNote:
      'Vous vous êtes connecté avec un mot de passe temporaire ; choisissez le vôtre pour continuer.',
    newPassword: 'Nouveau mot de passe',
    confirmPassword: 'Confirmez le nouveau mot de passe',
    setPassword: 'Enregistrer le mot de passe et se connecter',
    passwordsDiffer: 'Les deux mots de passe diffèrent.',
    passwordPolicy: 'Le mot de passe ne respecte pas la règle : au moins 8 caractères.',
    errorTitle: 'Erreur de connexion',
    forgotLink: 'Mot de passe oublié ?',
    forgotTitle: 'Réinitialisez votre mot de passe',
    forgotNote:
      'Saisissez votre adresse e-mail : nous vous enverrons un code pour choisir un nouveau mot de passe.',
    sendCode: 'Envoyer le code',
    backToSignIn: 'Retour à la connexion',
    emailInvalid: 'Adresse e-mail : saisissez une adresse valide.',
    codeSent: (d) =>
      `Nous avons envoyé un code par e-mail à ${d}. Saisissez-le ci-dessous pour choisir un nouveau mot de passe ; il est valable une heure.`,
    resetRequired: 'Vous devez réinitialiser votre mot de passe avant de vous connecter.',
    code: 'Code',
    codeFormat: 'Code : saisissez les 6 chiffres de l’e-mail.',
    codeMismatch: 'Code : ce code est incorrect ; réessayez.',
    codeExpired: 'Code : ce code a expiré ou a déjà servi ; demandez-en un nouveau.',
    codeLimit: 'Code : trop de tentatives erronées ; demandez un nouveau code.',
    resetPassword: 'Réinitialiser le mot de passe',
    newCode: 'Envoyer un nouveau code',
    passwordChanged: 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau.',
    mailSubject: 'Votre code de réinitialisation du mot de passe',
    mailBody: (code) =>
      `Votre code pour réinitialiser votre mot de passe ecrm est ${code}. Il est valable une heure.\n\nSi vous ne l’avez pas demandé, ignorez cet e-mail : votre mot de passe reste inchangé.`,
  },
  it: {
    htmlLang: 'it',
    signInTitle: 'Accedi',
    signInHeading: 'Accedi a ecrm',
    localNote: 'L’accesso dello stack locale (in AWS, quello del pool di utenti Cognito).',
    email: 'Email',
    password: 'Password',
    signIn: 'Accedi',
    incorrect: 'Email o password errata.',
    newPasswordTitle: 'Scegli una nuova password',
    newPasswordNote: 'Hai effettuato l’accesso con una password temporanea; scegline una tua per continuare.',
    newPassword: 'Nuova password',
    confirmPassword: 'Conferma la nuova password',
    setPassword: 'Imposta la password e accedi',
    passwordsDiffer: 'Le due password non coincidono.',
    passwordPolicy: 'La password non rispetta i criteri: almeno 8 caratteri.',
    errorTitle: 'Errore di accesso',
    forgotLink: 'Password dimenticata?',
    forgotTitle: 'Reimposta la password',
    forgotNote: 'Inserisci la tua email: ti invieremo un codice per scegliere una nuova password.',
    sendCode: 'Invia il codice',
    backToSignIn: 'Torna all’accesso',
    emailInvalid: 'Email: inserisci un indirizzo valido.',
    codeSent: (d) =>
      `Abbiamo inviato un codice via email a ${d}. Inseriscilo qui sotto per scegliere una nuova password; è valido per un’ora.`,
    resetRequired: 'Devi reimpostare la password prima di accedere.',
    code: 'Codice',
    codeFormat: 'Codice: inserisci le 6 cifre dell’email.',
    codeMismatch: 'Codice: il codice non è corretto; riprova.',
    codeExpired: 'Codice: il codice è scaduto o è già stato usato; richiedine uno nuovo.',
    codeLimit: 'Codice: troppi tentativi errati; richiedi un nuovo codice.',
    resetPassword: 'Reimposta la password',
    newCode: 'Invia un nuovo codice',
    passwordChanged: 'La password è stata cambiata. Accedi con quella nuova.',
    mailSubject: 'Il tuo codice per reimpostare la password',
    mailBody: (code) =>
      `Il tuo codice per reimpostare la password di ecrm è ${code}. È valido per un’ora.\n\nSe non l’hai richiesto, ignora questa email: la password resta invariata.`,
  },
  'zh-TW': {
    htmlLang: 'zh-Hant',
    signInTitle: '登入',
    signInHeading: '登入 ecrm',
    localNote: '本機堆疊的登入頁面（在 AWS 上為 Cognito 使用者集區的登入頁面）。',
    email: '電子郵件',
    password: '密碼',
    signIn: '登入',
    incorrect: '電子郵件或密碼不正確。',
    newPasswordTitle: '設定新密碼',
    newPasswordNote: '您使用臨時密碼登入；請設定您自己的密碼以繼續。',
    newPassword: '新密碼',
    confirmPassword: '確認新密碼',
    setPassword: '設定密碼並登入',
    passwordsDiffer: '兩次輸入的密碼不一致。',
    passwordPolicy: '密碼不符合規則：至少 8 個字元。',
    errorTitle: '登入錯誤',
    forgotLink: '忘記密碼？',
    forgotTitle: '重設密碼',
    forgotNote: '請輸入您的電子郵件：我們會寄給您一組代碼，以設定新密碼。',
    sendCode: '寄送代碼',
    backToSignIn: '返回登入',
    emailInvalid: '電子郵件：請輸入有效的電子郵件地址。',
    codeSent: (d) => `我們已將代碼寄到 ${d}。請在下方輸入代碼並設定新密碼；代碼一小時內有效。`,
    resetRequired: '登入前必須先重設密碼。',
    code: '代碼',
    codeFormat: '代碼：請輸入電子郵件中的 6 位數字。',
    codeMismatch: '代碼：代碼不正確，請再試一次。',
    codeExpired: '代碼：代碼已過期或已使用過，請重新索取。',
    codeLimit: '代碼：錯誤次數過多，請重新索取代碼。',
    resetPassword: '重設密碼',
    newCode: '寄送新代碼',
    passwordChanged: '您的密碼已變更。請使用新密碼登入。',
    mailSubject: '您的密碼重設代碼',
    mailBody: (code) =>
      `您重設 ecrm 密碼的代碼是 ${code}，一小時內有效。\n\n如果您並未提出此要求，請忽略這封電子郵件：您的密碼不會變更。`,
  },
};

/** The pages' text for a `lang` query value: one of the five by Cognito's code, else English. */
export const signInText = (lang: string | null | undefined): SignInText =>
  lang !== null && lang !== undefined && Object.hasOwn(TEXTS, lang) ? (TEXTS[lang] ?? en) : en;
