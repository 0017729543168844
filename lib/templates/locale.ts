/**
 * Which of a template's locales a contact gets: the contact's own (`es-MX`), then its language with
 * its script (`zh-Hant`, which is what `zh-TW` and `zh-HK` mean), then its language (`es`), then the
 * workspace's default locale, then English, then the template's first locale. Only shipped locales
 * exist as template locales, so the chain always ends on one the template has.
 */
import { SHIPPED_LOCALES, type ShippedLocale } from '../workspaces/email-settings.schema.ts';

const isShipped = (value: string): value is ShippedLocale =>
  (SHIPPED_LOCALES as readonly string[]).includes(value);

const shippedMatch = (tag: string): ShippedLocale | undefined =>
  SHIPPED_LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());

const known = new Map<string, readonly ShippedLocale[]>();

/** The shipped locales a BCP 47 tag can stand for, most specific first (kept per tag: Intl is slow). */
export const localeCandidates = (tag: string | undefined): readonly ShippedLocale[] => {
  if (!tag) return [];
  let found = known.get(tag);
  if (!found) {
    found = candidatesOf(tag);
    // Contacts' locales are few; the bound only guards against a flood of odd tags.
    if (known.size < 1_000) known.set(tag, found);
  }
  return found;
};

const candidatesOf = (tag: string): ShippedLocale[] => {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return [];
  }
  const out: ShippedLocale[] = [];
  const push = (value: string | undefined) => {
    const match = value ? shippedMatch(value) : undefined;
    if (match && !out.includes(match)) out.push(match);
  };
  push(locale.baseName);
  // zh-TW → zh-Hant-TW: the script is what decides between zh-Hant and a zh-Hans we do not ship.
  const script = locale.script ?? locale.maximize().script;
  if (script) push(`${locale.language}-${script}`);
  // Chinese without a matching script never falls back to a Chinese of another script.
  if (locale.language !== 'zh') push(locale.language);
  return out;
};

/** The locale to render for a contact among those the template has. */
export const resolveLocale = (
  contactLocale: string | undefined,
  available: readonly ShippedLocale[],
  workspaceDefault: ShippedLocale,
): ShippedLocale | undefined => {
  const chain = [...localeCandidates(contactLocale), workspaceDefault, 'en', ...available];
  return chain.find((l): l is ShippedLocale => isShipped(l) && available.includes(l));
};
