/**
 * EventBridge Scheduler schedule expressions, parsed and stepped for the local scheduler.
 *
 * - `at(yyyy-mm-ddThh:mm:ss)`: one time, a wall time in the schedule's time zone.
 * - `rate(N minute|minutes|hour|hours|day|days)`: every N units from the schedule's anchor (its
 *   StartDate, else its creation time); the first occurrence is one period after the anchor.
 * - `cron(minutes hours day-of-month month day-of-week year)`: AWS's six-field cron, evaluated in the
 *   time zone, with `*`, `?`, values, ranges `a-b`, lists `a,b`, steps `* /n` and `a/n`, month names
 *   (JAN-DEC) and day names (SUN-SAT; 1 = Sunday). One of day-of-month and day-of-week must be `?`.
 *   `L`, `W` and `#` parse in AWS but are refused here with a clear error rather than run wrongly.
 *
 * Pure: no clock. Errors are {@link ScheduleExpressionError}, which the API maps to ValidationException.
 */
import { fromWallMs, toWallMs } from '../../lib/shared/zoned-time.ts';

export class ScheduleExpressionError extends Error {
  override readonly name = 'ScheduleExpressionError';
}

interface CronFields {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** Undefined when `?`. */
  readonly daysOfMonth: ReadonlySet<number> | undefined;
  readonly months: ReadonlySet<number>;
  /** 1 = Sunday … 7 = Saturday; undefined when `?`. */
  readonly daysOfWeek: ReadonlySet<number> | undefined;
  readonly years: ReadonlySet<number>;
}

export type ScheduleExpression =
  | { readonly kind: 'at'; readonly wallMs: number }
  | { readonly kind: 'rate'; readonly periodMs: number }
  | { readonly kind: 'cron'; readonly fields: CronFields };

const MINUTE_MS = 60_000;
const UNIT_MS: Record<string, number> = {
  minute: MINUTE_MS,
  minutes: MINUTE_MS,
  hour: 60 * MINUTE_MS,
  hours: 60 * MINUTE_MS,
  day: 1_440 * MINUTE_MS,
  days: 1_440 * MINUTE_MS,
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;

const parseAt = (body: string): ScheduleExpression => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!m) throw new ScheduleExpressionError(`at() needs yyyy-mm-ddThh:mm:ss, got "${body}"`);
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map(Number);
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wallMs);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new ScheduleExpressionError(`at() has an invalid date or time: "${body}"`);
  }
  return { kind: 'at', wallMs };
};

const parseRate = (body: string): ScheduleExpression => {
  const m = /^(\d+)\s+(\w+)$/.exec(body.trim());
  const unit = UNIT_MS[m?.[2] ?? ''];
  const value = Number(m?.[1]);
  if (!m || unit === undefined || !Number.isSafeInteger(value) || value < 1) {
    throw new ScheduleExpressionError(
      `rate() needs a positive integer and minute(s), hour(s) or day(s), got "${body}"`,
    );
  }
  return { kind: 'rate', periodMs: value * unit };
};

const parseCronField = (
  text: string,
  name: string,
  min: number,
  max: number,
  names: readonly string[] = [],
  nameBase = 1,
): number[] => {
  // AWS's L (last), W (weekday) and # (nth weekday) in the day fields; month and day names may hold L or W.
  const special =
    name === 'day-of-month' ? /[LW]/i : name === 'day-of-week' ? /#|(^|[,\-/])\d*L($|[,\-/])/i : undefined;
  if (special?.test(text)) {
    throw new ScheduleExpressionError(
      `cron ${name} "${text}": L, W and # are not supported by the local scheduler (AWS supports them)`,
    );
  }
  const value = (token: string): number => {
    const named = names.indexOf(token.toUpperCase());
    const n = named >= 0 ? named + nameBase : /^\d+$/.test(token) ? Number(token) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new ScheduleExpressionError(`cron ${name} "${text}": "${token}" is outside ${min}-${max}`);
    }
    return n;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText, ...extra] = part.split('/');
    if (extra.length > 0 || range === '')
      throw new ScheduleExpressionError(`cron ${name} "${text}" is malformed`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) {
      throw new ScheduleExpressionError(`cron ${name} "${text}": the step must be a positive integer`);
    }
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [from, to] = [value(a), value(b)];
      if (from > to) throw new ScheduleExpressionError(`cron ${name} "${text}": the range is reversed`);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
};

const parseCron = (body: string): ScheduleExpression => {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new ScheduleExpressionError(
      `cron() needs 6 fields (minutes hours day-of-month month day-of-week year), got ${parts.length}`,
    );
  }
  const [mi = '', h = '', dom = '', mo = '', dow = '', y = ''] = parts;
  if ((dom === '?') === (dow === '?')) {
    throw new ScheduleExpressionError('cron(): exactly one of day-of-month and day-of-week must be "?"');
  }
  if (mi === '?' || h === '?' || mo === '?' || y === '?') {
    throw new ScheduleExpressionError('cron(): "?" is only allowed in day-of-month or day-of-week');
  }
  return {
    kind: 'cron',
    fields: {
      minutes: parseCronField(mi, 'minutes', 0, 59),
      hours: parseCronField(h, 'hours', 0, 23),
      daysOfMonth: dom === '?' ? undefined : new Set(parseCronField(dom, 'day-of-month', 1, 31)),
      months: new Set(parseCronField(mo, 'month', 1, 12, MONTHS)),
      daysOfWeek: dow === '?' ? undefined : new Set(parseCronField(dow, 'day-of-week', 1, 7, DAYS)),
      years: new Set(parseCronField(y, 'year', MIN_YEAR, MAX_YEAR)),
    },
  };
};

/**
 * Parses `at(...)`, `rate(...)` or `cron(...)`.
 * @throws {ScheduleExpressionError} with the reason, for anything else.
 */
export const parseScheduleExpression = (expression: string): ScheduleExpression => {
  const m = /^(at|rate|cron)\((.*)\)$/.exec(expression.trim());
  if (!m) throw new ScheduleExpressionError(`"${expression}" is not an at(), rate() or cron() expression`);
  const body = m[2] ?? '';
  return m[1] === 'at' ? parseAt(body) : m[1] === 'rate' ? parseRate(body) : parseCron(body);
};

/** The first cron time strictly after `afterMs`, in `timeZone`, or undefined past year 2199. */
const nextCron = (f: CronFields, afterMs: number, timeZone: string): number | undefined => {
  const startWall = toWallMs(afterMs, timeZone);
  const start = new Date(startWall);
  let day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  while (new Date(day).getUTCFullYear() <= MAX_YEAR) {
    const d = new Date(day);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    if (!f.years.has(year)) {
      day = Date.UTC(year + 1, 0, 1);
      continue;
    }
    if (!f.months.has(month)) {
      day = Date.UTC(year, month, 1);
      continue;
    }
    const dayMatches = f.daysOfMonth
      ? f.daysOfMonth.has(d.getUTCDate())
      : f.daysOfWeek?.has(d.getUTCDay() + 1);
    if (dayMatches) {
      for (const h of f.hours) {
        for (const mi of f.minutes) {
          const instant = fromWallMs(day + h * 3_600_000 + mi * MINUTE_MS, timeZone);
          if (instant > afterMs) return instant;
        }
      }
    }
    day += 86_400_000;
  }
  return undefined;
};

export interface OccurrenceContext {
  /** IANA time zone for at() and cron(); `UTC` by default in the API. */
  readonly timeZone: string;
  /** rate(): occurrences are anchor + k·period, k ≥ 1. */
  readonly anchor: Date;
}

/** The instant an at() expression names, in the time zone (possibly in the past). */
export const atInstant = (expression: Extract<ScheduleExpression, { kind: 'at' }>, timeZone: string): Date =>
  new Date(fromWallMs(expression.wallMs, timeZone));

/** The first occurrence strictly after `after`, or undefined when there is none. */
export const nextOccurrence = (
  expression: ScheduleExpression,
  after: Date,
  context: OccurrenceContext,
): Date | undefined => {
  const afterMs = after.getTime();
  switch (expression.kind) {
    case 'at': {
      const at = atInstant(expression, context.timeZone);
      return at.getTime() > afterMs ? at : undefined;
    }
    case 'rate': {
      const anchor = context.anchor.getTime();
      const k = Math.max(1, Math.floor((afterMs - anchor) / expression.periodMs) + 1);
      return new Date(anchor + k * expression.periodMs);
    }
    case 'cron': {
      const next = nextCron(expression.fields, afterMs, context.timeZone);
      return next === undefined ? undefined : new Date(next);
    }
  }
};
