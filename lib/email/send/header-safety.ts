/**
 * No byte of data ever breaks out of a header. SES builds the MIME message from our strings; a CR or
 * LF in a subject or display name would start a header of the attacker's choosing (Bcc, a second
 * List-Unsubscribe...). Every header value ecrm sets goes through one of these.
 */

// Every C0 control (CR, LF, TAB, NUL...), DEL, and the Unicode line/paragraph separators and NEL,
// which some MIME stacks treat as line breaks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** A subject as one line: every control or line-break run becomes one space; trimmed; capped. */
export const headerText = (value: string, max = 998): string =>
  value.replace(UNSAFE, ' ').replace(/ {2,}/g, ' ').trim().slice(0, max);

/** True when a value carries nothing that could end a header line. */
export const isHeaderSafe = (value: string): boolean => !new RegExp(UNSAFE.source).test(value);

export class UnsafeHeaderError extends Error {
  override readonly name = 'UnsafeHeaderError';
}

/**
 * The `List-Unsubscribe` value: one absolute http(s) URL in angle brackets (RFC 2369). A URL with a
 * control character, a space or an angle bracket is refused rather than repaired: it came from a
 * signing bug, never from a contact.
 */
export const listUnsubscribeValue = (url: string): string => {
  if (!isHeaderSafe(url) || /[\s<>]/.test(url))
    throw new UnsafeHeaderError('unsubscribe URL is not header-safe');
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new UnsafeHeaderError('unsubscribe URL must be http(s)');
  return `<${url}>`;
};

/** A From address as the sender port gives it, checked: a CR/LF there is refused, never sent. */
export const checkedFrom = (from: string): string => {
  if (!isHeaderSafe(from)) throw new UnsafeHeaderError('the From address is not header-safe');
  return from;
};
