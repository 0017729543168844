/**
 * A contact's wall clock, for the steps timed by it: `waitUntil` (the next 09:00, on given weekdays)
 * and quiet hours (no email between 21:00 and 08:00). Times are taken in the contact's zone with the
 * scheduling maths of campaigns (send-time.ts: a time in a spring-forward gap moves forward by the
 * gap, a time in a fall-back overlap takes the earlier instant).
 */
import { instantInZone } from '../campaigns/send-time.ts';
import type { WEEKDAYS } from './journey-definition.schema.ts';

export type Weekday = (typeof WEEKDAYS)[number];

const WEEKDAY_OF: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

const formats = new Map<string, Intl.DateTimeFormat>();
const formatIn = (timeZone: string): Intl.DateTimeFormat => {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
};

export interface LocalParts {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:mm`. */
  readonly time: string;
  readonly weekday: Weekday;
}

/** What the clocks of `timeZone` show at `at`. */
export const localParts = (at: Date, timeZone: string): LocalParts => {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = WEEKDAY_OF[parts.weekday ?? ''];
  if (!weekday) throw new Error(`no weekday for ${at.toISOString()} in ${timeZone}`);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday,
  };
};

const DAY_MS = 86_400_000;

/** The calendar day after `date` (`YYYY-MM-DD`). */
const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * The first instant at or after `after` when the contact's clock shows `time` on one of `days` (any
 * day when none are given).
 */
export const nextLocalTime = (
  after: Date,
  time: string,
  timeZone: string,
  days?: readonly Weekday[],
): Date => {
  let date = localParts(after, timeZone).date;
  // Eight days cover a whole week from a day whose time has passed.
  for (let i = 0; i < 8; i++, date = nextDate(date)) {
    const candidate = instantInZone(date, time, timeZone);
    if (candidate.getTime() < after.getTime()) continue;
    if (days && !days.includes(localParts(candidate, timeZone).weekday)) continue;
    return candidate;
  }
  throw new Error(`no ${time} on ${days?.join(',')} within a week of ${after.toISOString()} in ${timeZone}`);
};

/**
 * When an email due at `at` may go out under quiet hours `from`–`to` (wall clock, wrapping midnight when
 * `from` is later than `to`): `at` itself outside them, else the end of the quiet hours.
 */
export const afterQuietHours = (
  at: Date,
  quiet: { readonly from: string; readonly to: string },
  timeZone: string,
): Date => {
  const { time } = localParts(at, timeZone);
  const quietNow =
    quiet.from < quiet.to ? time >= quiet.from && time < quiet.to : time >= quiet.from || time < quiet.to;
  return quietNow ? nextLocalTime(at, quiet.to, timeZone) : at;
};
