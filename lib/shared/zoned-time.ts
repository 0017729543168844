/**
 * Wall-clock time in an IANA time zone, with Intl only (no tz library): campaign send times
 * (lib/campaigns/send-time.ts) and the local scheduler's `at()` and `cron()` expressions with their
 * `ScheduleExpressionTimezone` alike.
 *
 * A wall time is expressed as the epoch milliseconds it would have in UTC ("wall ms"), so calendar
 * arithmetic is plain Date.UTC arithmetic. Around DST changes a wall time that does not exist (the
 * spring-forward gap) moves forward by the gap; an ambiguous one (the fall-back hour) maps to its
 * first occurrence: Temporal's `compatible` disambiguation.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** True for a time zone name this runtime knows (e.g. `UTC`, `Europe/Paris`). */
export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** The wall time at `instantMs` in `timeZone`, as wall ms (whole seconds). */
export const toWallMs = (instantMs: number, timeZone: string): number => {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
};

const offsetAt = (instantMs: number, timeZone: string): number => {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return toWallMs(whole, timeZone) - whole;
};

const DAY_MS = 86_400_000;

/**
 * The instant (epoch ms) at which the clocks of `timeZone` show the wall time `wallMs`. Offsets a day
 * before and after bracket any transition, so both readings of an ambiguous wall time are candidates.
 */
export const fromWallMs = (wallMs: number, timeZone: string): number => {
  const candidates = [wallMs - DAY_MS, wallMs, wallMs + DAY_MS].map(
    (probe) => wallMs - offsetAt(probe, timeZone),
  );
  const exact = candidates.filter((c) => toWallMs(c, timeZone) === Math.floor(wallMs / 1000) * 1000);
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
};
