/**
 * UTM parameters on a campaign email's links, so the storefront's analytics credit the campaign: added
 * to every http(s) link of the HTML (`href`) and of the text part, except ecrm's own pages (the
 * unsubscribe and preference links, whose signature covers their query) and parameters the link
 * already has (the marketer's own choice wins).
 */
import * as z from 'zod';

const utmValue = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._~-]+$/, 'letters, digits and . _ ~ -');

export const utmParamsSchema = z.strictObject({
  source: utmValue,
  medium: utmValue,
  campaign: utmValue,
  content: utmValue.optional(),
  term: utmValue.optional(),
});
export type UtmParams = z.infer<typeof utmParamsSchema>;

const tagged = (raw: string, utm: UtmParams, skip: (url: URL) => boolean): string => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || skip(url)) return raw;
  for (const [name, value] of Object.entries(utm)) {
    const key = `utm_${name}`;
    if (value !== undefined && !url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  return url.toString();
};

/** `html` and `text` with the UTM parameters on their links; `ownOrigins` are ecrm's pages, left as they are. */
export const withUtm = (
  email: { readonly html: string; readonly text: string },
  utm: UtmParams,
  ownOrigins: readonly string[],
): { html: string; text: string } => {
  const own = new Set(ownOrigins);
  const skip = (url: URL) => own.has(url.origin);
  const html = email.html.replace(
    /(\bhref\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi,
    (_, attr: string, quote: string, href: string) =>
      `${attr}${quote}${tagged(href.replaceAll('&amp;', '&'), utm, skip).replaceAll('&', '&amp;')}${quote}`,
  );
  // A link ending a sentence keeps its full stop outside.
  const text = email.text.replace(/https?:\/\/[^\s<>()"']+?(?=[.,;:!?]*(?:[\s<>()"']|$))/g, (href) =>
    tagged(href, utm, skip),
  );
  return { html, text };
};
