/**
 * Time helpers of the condition language. Every instant is epoch milliseconds (UTC); "N days" is
 * N × 24 h of elapsed time, never a calendar day in the contact's time zone, so a window moves by the
 * millisecond and its edges can be scheduled exactly.
 */

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Strict parse of a date written in a condition document: `YYYY-MM-DD` (UTC midnight) or an ISO 8601
 * date-time with a `Z` or an offset. A date that does not exist (2026-02-30) is refused rather than
 * rolled over. Returns NaN when the text is not such a date.
 */
export const parseIsoDate = (text: string): number => {
  const match = ISO_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
  if (!match) return Number.NaN;
  const [, y, m, d] = match;
  const probe = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const day = new Date(probe);
  if (
    day.getUTCFullYear() !== Number(y) ||
    day.getUTCMonth() !== Number(m) - 1 ||
    day.getUTCDate() !== Number(d)
  )
    return Number.NaN;
  return Date.parse(text);
};

export const isIsoDate = (text: string): boolean => !Number.isNaN(parseIsoDate(text));

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Lenient, fast read of a date held in contact data or event properties (evaluated for every contact,
 * so no strict round trip): an ISO 8601 string, read as UTC when it carries no zone. Anything else,
 * numbers included, is not a date (NaN), so a comparison with it is simply false.
 */
export const dateOf = (value: unknown): number => {
  if (typeof value !== 'string' || !DATE_PREFIX.test(value)) return Number.NaN;
  if (value.length > 10 && !HAS_ZONE.test(value)) return Date.parse(`${value}Z`);
  return Date.parse(value);
};
