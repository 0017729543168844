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
  },
};

/** The pages' text for a `lang` query value: one of the five by Cognito's code, else English. */
export const signInText = (lang: string | null | undefined): SignInText =>
  lang !== null && lang !== undefined && Object.hasOwn(TEXTS, lang) ? (TEXTS[lang] ?? en) : en;
