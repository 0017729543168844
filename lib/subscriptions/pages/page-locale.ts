/**
 * The language of a page: the contact's locale when ecrm ships it (`es-MX` → `es`, `zh-TW` → `zh-Hant`),
 * else the browser's preferred one (`Accept-Language`), else the workspace's default.
 */
import { SHIPPED_LOCALES, type ShippedLocale } from '../../workspaces/email-settings.schema.ts';

const shipped = (tag: string): ShippedLocale | undefined => {
  try {
    const locale = new Intl.Locale(tag);
    if (locale.language === 'zh') return locale.maximize().script === 'Hant' ? 'zh-Hant' : undefined;
    return SHIPPED_LOCALES.find((l) => l === locale.language);
  } catch {
    return undefined;
  }
};

/** `Accept-Language` tags, most wanted first (`q=0` means "not this one"). */
const acceptedTags = (header: string): string[] =>
  header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.tag !== '' && t.tag !== '*' && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.tag);

export const pageLocale = (
  contactLocale: string | undefined,
  acceptLanguage: string | undefined,
  fallback: ShippedLocale,
): ShippedLocale => {
  const fromContact = contactLocale ? shipped(contactLocale) : undefined;
  if (fromContact) return fromContact;
  for (const tag of acceptedTags(acceptLanguage ?? '')) {
    const found = shipped(tag);
    if (found) return found;
  }
  return fallback;
};
