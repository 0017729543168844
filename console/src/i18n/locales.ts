/**
 * The console's five locales and how one is picked: the stored choice, else the first of the
 * browser's languages we have (a regional tag falls back to its language; any Chinese to
 * Traditional Chinese, the one we have), else English.
 */
export const LOCALES = ['en', 'es', 'fr', 'it', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** Each locale's own name, shown in the switcher in that language (not translated). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  it: 'Italiano',
  'zh-Hant': '繁體中文',
};

export const matchLocale = (tag: string): Locale | undefined => {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-Hant';
  const language = lower.split('-')[0];
  return LOCALES.find((l) => l === language);
};

export const pickLocale = (stored: string | null | undefined, languages: readonly string[]): Locale => {
  if (isLocale(stored)) return stored;
  for (const tag of languages) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return 'en';
};
