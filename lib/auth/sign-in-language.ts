/**
 * The language of the sign-in pages: the console's locale, passed as `/auth/login?lang=`, becomes
 * Cognito managed login's `lang` query parameter on the authorize URL. Managed login accepts de, en,
 * es, fr, id, it, ja, ko, pt-BR, zh-CN and zh-TW; the console speaks five of them, Traditional Chinese
 * being `zh-Hant` in the console and `zh-TW` in Cognito.
 *
 * Invariant: only the console's five locales pass; anything else (unknown, differently cased, Cognito's
 * own codes) is dropped, so the query never reflects what a link's author wrote into it.
 */
export const SIGN_IN_LANGUAGES = {
  en: 'en',
  es: 'es',
  fr: 'fr',
  it: 'it',
  'zh-Hant': 'zh-TW',
} as const;

export type ConsoleLocale = keyof typeof SIGN_IN_LANGUAGES;
export type SignInLanguage = (typeof SIGN_IN_LANGUAGES)[ConsoleLocale];

const isConsoleLocale = (value: string): value is ConsoleLocale => Object.hasOwn(SIGN_IN_LANGUAGES, value);

/** Cognito's `lang` for a console locale, or undefined for anything that is not one of the five. */
export const signInLanguage = (locale: string | undefined): SignInLanguage | undefined =>
  locale !== undefined && isConsoleLocale(locale) ? SIGN_IN_LANGUAGES[locale] : undefined;
