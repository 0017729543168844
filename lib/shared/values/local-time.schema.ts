/**
 * Wall-clock dates and times as marketers write them (`2026-03-08`, `09:00`, `2026-03-08T09:00`), with
 * no zone: the zone comes apart (a schedule's `timeZone`, each contact's own). A leaf module: the
 * campaign contracts validate with the schemas, the scheduling maths parses with the functions.
 *
 * Only real calendar days (no `2026-02-30`), 24-hour times from `00:00` to `23:59` with two digits
 * each (no `24:00`, no `9:60`, no `9:00`), years 1970 to 9999.
 */
import * as z from 'zod';

export interface LocalDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31, a day the month has. */
  readonly day: number;
}

export interface LocalTime {
  /** 0–23. */
  readonly hour: number;
  /** 0–59. */
  readonly minute: number;
}

export type LocalDateTime = LocalDate & LocalTime;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `YYYY-MM-DD` → its parts, or undefined when it is not a day of the calendar (1970–9999). */
export const parseLocalDate = (text: string): LocalDate | undefined => {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return { year, month, day };
};

/** `HH:mm` (00:00–23:59) → its parts, or undefined. */
export const parseLocalTime = (text: string): LocalTime | undefined => {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
};

/** `YYYY-MM-DDTHH:mm` → its parts, or undefined. */
export const parseLocalDateTime = (text: string): LocalDateTime | undefined => {
  const [date, time, ...rest] = text.split('T');
  if (date === undefined || time === undefined || rest.length > 0) return undefined;
  const d = parseLocalDate(date);
  const t = parseLocalTime(time);
  return d && t ? { ...d, ...t } : undefined;
};

export const INVALID_LOCAL_DATE = 'not a calendar date YYYY-MM-DD (e.g. 2026-03-08)';
export const INVALID_LOCAL_TIME = 'not a time HH:mm from 00:00 to 23:59 (e.g. 09:00)';
export const INVALID_LOCAL_DATE_TIME = 'not a date and time YYYY-MM-DDTHH:mm (e.g. 2026-03-08T09:00)';

/** A wall-clock day, kept as written. */
export const localDateSchema = z
  .string()
  .max(10)
  .refine((v) => parseLocalDate(v) !== undefined, INVALID_LOCAL_DATE)
  .describe('a calendar date, YYYY-MM-DD');

/** A wall-clock time of day, kept as written. */
export const localTimeSchema = z
  .string()
  .max(5)
  .refine((v) => parseLocalTime(v) !== undefined, INVALID_LOCAL_TIME)
  .describe('a time of day, HH:mm (00:00–23:59)');

/** A wall-clock date and time, no zone and no seconds, kept as written. */
export const localDateTimeSchema = z
  .string()
  .max(16)
  .refine((v) => parseLocalDateTime(v) !== undefined, INVALID_LOCAL_DATE_TIME)
  .describe('a date and time of day, YYYY-MM-DDTHH:mm, in the time zone given beside it');
