/**
 * No byte of data ever breaks out of a header. SES builds the MIME message from our strings; a CR or
 * LF in a subject or display name would start a header of the attacker's choosing (Bcc, a second
 * List-Unsubscribe...). Every header value ecrm sets goes through one of these. What counts as a control character (C0, DEL, C1 with NEL, U+2028/2029) is lib/shared/control-chars.ts.
 */
import { hasControlChars, oneLine } from '../../shared/control-chars.ts';

/** A subject as one line: every control or line-break run becomes one space; trimmed; capped. */
export const headerText = (value: string, max = 998): string => oneLine(value).slice(0, max);

/** True when a value carries nothing that could end a header line. */
export const isHeaderSafe = (value: string): boolean => !hasControlChars(value);

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
