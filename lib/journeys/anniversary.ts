/**
 * When a date-triggered journey next fires for a contact: the anniversary of a date attribute (a
 * birthday, a sign-up day), `offsetDays` before or after, at a time of day in the contact's zone.
 * February 29 falls on February 28 in other years. Pure.
 */
import { instantInZone } from '../campaigns/send-time.ts';

const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Month and day of a date attribute: `1990-05-17`, an ISO date-time, or `--05-17` (no year). */
export const monthDayOf = (value: unknown): { readonly month: number; readonly day: number } | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:\d{4}|-)-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (!match) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return undefined;
  return { month, day };
};

export interface DateTrigger {
  /** `HH:mm` in the contact's zone. */
  readonly at: string;
  readonly offsetDays: number;
}

/** The first anniversary instant strictly after `after`; none when the value is not a date. */
export const nextAnniversary = (
  value: unknown,
  after: Date,
  trigger: DateTrigger,
  timeZone: string,
): Date | undefined => {
  const md = monthDayOf(value);
  if (!md) return undefined;
  const first = after.getUTCFullYear() - 1;
  for (let year = first; year <= first + 3; year++) {
    const day = md.month === 2 && md.day === 29 && !isLeap(year) ? 28 : md.day;
    const date = new Date(Date.UTC(year, md.month - 1, day) + trigger.offsetDays * DAY_MS);
    const instant = instantInZone(date.toISOString().slice(0, 10), trigger.at, timeZone);
    if (instant.getTime() > after.getTime()) return instant;
  }
  return undefined;
};
