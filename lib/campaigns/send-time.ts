/**
 * When a campaign is sent: the pure maths of its schedule. No I/O, Intl only (no tz library), time
 * from arguments.
 *
 * - A wall-clock date and time in a zone is one UTC instant, with DST handled like Temporal's
 *   `compatible` disambiguation: a time that a spring-forward gap skips is moved forward by the
 *   gap's length (02:30 on 2026-03-08 in New York is 03:30 EDT), and a time a fall-back overlap
 *   repeats is its earlier occurrence (01:30 on 2026-11-01 in New York is 01:30 EDT).
 * - A recipient-local schedule ("9:00 in each recipient's zone") is sent in waves: one per distinct
 *   UTC instant, each naming its zones, each with a number computed from the instant alone (so a
 *   contact's wave is known without the list of every zone). A contact with no zone, or one the
 *   runtime does not know, gets the workspace's default zone.
 * - A schedule is accepted only when its earliest instant is at least {@link SCHEDULE_LEAD_MS} away.
 *
 * The zone names are the leaf `time-zone.schema.ts`'s (aliases accepted, canonical names kept); the
 * date and time formats are `local-time.schema.ts`'s.
 */
import { type FieldIssue, ValidationError } from '../shared/errors.ts';
import {
  INVALID_LOCAL_DATE,
  INVALID_LOCAL_DATE_TIME,
  INVALID_LOCAL_TIME,
  type LocalDateTime,
  parseLocalDate,
  parseLocalDateTime,
  parseLocalTime,
} from '../shared/values/local-time.schema.ts';
import { canonicalTimeZone, INVALID_TIME_ZONE } from '../shared/values/time-zone.schema.ts';
import { fromWallMs } from '../shared/zoned-time.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A recipient-local schedule: this date and time on each recipient's own clock. */
export interface LocalSchedule {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:mm`, 00:00–23:59. */
  readonly time: string;
}

/** One send of a recipient-local schedule: the instant, and the zones whose clocks then show the time. */
export interface SendWave {
  /** The wave's number for this schedule ({@link waveOfRecipient}): stable, whatever the zones. */
  readonly wave: number;
  /** ISO instant, millisecond precision (`2026-03-08T14:00:00.000Z`): storable and sortable as text. */
  readonly at: string;
  /** Canonical zone names, sorted; the workspace's default zone is among them for contacts without one. */
  readonly timeZones: readonly string[];
}

/**
 * The instant (epoch ms) at which `timeZone`'s clocks show `local`, Temporal's `compatible` way (a gap
 * time moves forward by the gap, an overlap time takes its earlier instant). `timeZone` must be valid.
 */
const instantMsOf = (local: LocalDateTime, timeZone: string): number =>
  fromWallMs(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute), timeZone);

const invalid = (issue: FieldIssue): ValidationError => new ValidationError(issue.message, [issue]);

const zoneOrThrow = (timeZone: string, path: string): string => {
  const zone = canonicalTimeZone(timeZone);
  if (zone === undefined) throw invalid({ path, message: INVALID_TIME_ZONE });
  return zone;
};

/**
 * The UTC instant at which the clocks of `timeZone` show `date` (`YYYY-MM-DD`) at `time` (`HH:mm`).
 * Gap times move forward by the gap, overlap times take their earlier instant (see the module note).
 * Always a whole minute for today's offsets.
 * @throws ValidationError naming `date`, `time` or `timeZone` when one is not valid.
 */
export const instantInZone = (date: string, time: string, timeZone: string): Date => {
  const d = parseLocalDate(date);
  if (!d) throw invalid({ path: 'date', message: INVALID_LOCAL_DATE });
  const t = parseLocalTime(time);
  if (!t) throw invalid({ path: 'time', message: INVALID_LOCAL_TIME });
  return new Date(instantMsOf({ ...d, ...t }, zoneOrThrow(timeZone, 'timeZone')));
};

/**
 * The UTC instant of a moment in a zone, written `YYYY-MM-DDTHH:mm` (a campaign's `at` schedule);
 * {@link instantInZone} otherwise.
 * @throws ValidationError naming `at` or `timeZone` when one is not valid.
 */
export const instantOfLocalDateTime = (at: string, timeZone: string): Date => {
  const local = parseLocalDateTime(at);
  if (!local) throw invalid({ path: 'at', message: INVALID_LOCAL_DATE_TIME });
  return new Date(instantMsOf(local, zoneOrThrow(timeZone, 'timeZone')));
};

/**
 * The zone a recipient's mail is timed by: the contact's own, canonical, when it is a valid zone;
 * the workspace's default otherwise (absent, empty, or a name the runtime does not know).
 * @throws ValidationError naming `defaultTimeZone` when the default itself is not a zone.
 */
export const recipientTimeZone = (contactZone: string | null | undefined, defaultTimeZone: string): string =>
  (contactZone ? canonicalTimeZone(contactZone) : undefined) ??
  zoneOrThrow(defaultTimeZone, 'defaultTimeZone');

const parseSchedule = (schedule: LocalSchedule): LocalDateTime => {
  const d = parseLocalDate(schedule.date);
  if (!d) throw invalid({ path: 'date', message: INVALID_LOCAL_DATE });
  const t = parseLocalTime(schedule.time);
  if (!t) throw invalid({ path: 'time', message: INVALID_LOCAL_TIME });
  return { ...d, ...t };
};

/** A day before the schedule's wall time read as UTC: every zone's instant of it comes later. */
const anchorMs = (local: LocalDateTime): number =>
  Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - DAY_MS;

/**
 * A recipient's wave, as a number that needs no list of zones: the whole minutes from a day before
 * the schedule's wall time (read as UTC) to the instant the recipient's clock shows it. So a
 * paginated, resumable audience snapshot numbers each contact's wave on its own and every run agrees;
 * {@link waveInstant} turns a number back into its instant. Invariants: contacts whose clocks show
 * the time at the same instant share a number; a later instant has a larger number; numbers are
 * non-negative. Returns a function that keeps each zone's number (call it per recipient).
 * @throws ValidationError naming `date`, `time` or `defaultTimeZone` when one is not valid.
 */
export const waveOfRecipient = (
  schedule: LocalSchedule,
  defaultTimeZone: string,
): ((contactZone: string | null | undefined) => number) => {
  const local = parseSchedule(schedule);
  const fallback = zoneOrThrow(defaultTimeZone, 'defaultTimeZone');
  const anchor = anchorMs(local);
  const byZone = new Map<string, number>();
  return (contactZone) => {
    const zone = (contactZone ? canonicalTimeZone(contactZone) : undefined) ?? fallback;
    let wave = byZone.get(zone);
    if (wave === undefined) {
      wave = Math.floor((instantMsOf(local, zone) - anchor) / MINUTE_MS);
      byZone.set(zone, wave);
    }
    return wave;
  };
};

/**
 * The instant of wave number `wave` of a schedule ({@link waveOfRecipient}).
 * @throws ValidationError naming `date` or `time` when one is not valid.
 */
export const waveInstant = (schedule: LocalSchedule, wave: number): Date =>
  new Date(anchorMs(parseSchedule(schedule)) + wave * MINUTE_MS);

/**
 * The waves of a recipient-local schedule for contacts in `zones` (each contact's zone as stored:
 * duplicates, aliases, absent and unknown zones welcome; the last two count as `defaultTimeZone`).
 * Invariants: one wave per distinct instant, sorted by instant; every zone in exactly one wave,
 * canonical and sorted; no wave without a zone; no zones → no waves; each wave's number is
 * {@link waveOfRecipient}'s for its zones.
 * @throws ValidationError naming `date`, `time` or `defaultTimeZone` when one is not valid.
 */
export const sendWaves = (
  schedule: LocalSchedule,
  zones: Iterable<string | null | undefined>,
  defaultTimeZone: string,
): SendWave[] => {
  const waveOf = waveOfRecipient(schedule, defaultTimeZone);
  const byWave = new Map<number, Set<string>>();
  for (const zone of zones) {
    const wave = waveOf(zone);
    const set = byWave.get(wave) ?? new Set<string>();
    set.add(recipientTimeZone(zone, defaultTimeZone));
    byWave.set(wave, set);
  }
  return [...byWave.entries()]
    .sort(([a], [b]) => a - b)
    .map(([wave, set]) => ({
      wave,
      at: waveInstant(schedule, wave).toISOString(),
      timeZones: [...set].sort(),
    }));
};

/**
 * The first and last instants a recipient-local schedule can have, over every zone the runtime knows
 * (`Intl.supportedValuesOf('timeZone')`): when the first recipients anywhere reach the time (UTC+14
 * today), and when the last do (UTC−11). Useful before the audience, and so its zones, is known.
 * Costs a formatter per zone: 0.1–0.4 s the first time in a process, ~30 ms after (measured on a
 * busy 2-core machine); call it when scheduling, not per recipient.
 * @throws ValidationError naming `date` or `time` when one is not valid.
 */
export const recipientLocalWindow = (schedule: LocalSchedule): { first: Date; last: Date } => {
  const local = parseSchedule(schedule);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const at = instantMsOf(local, zone);
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  return { first: new Date(first), last: new Date(last) };
};

/**
 * How far ahead a schedule must be: one minute. The timer service fires a timer within 60 s of its
 * due time (the brief's target), so a send time closer than that could not be kept as scheduled:
 * starting the campaign now is the honest way to send that soon. Also covers a marketer's clock
 * running a little behind ours.
 */
export const SCHEDULE_LEAD_MS = MINUTE_MS;

/** Why a send time cannot be scheduled. */
export interface SendTimeRefusal {
  /** `in_past`: the time has come already; `too_soon`: less than {@link SCHEDULE_LEAD_MS} away. */
  readonly code: 'in_past' | 'too_soon';
  /** For people: what is wrong and what to do. */
  readonly message: string;
  /** The refused instant, ISO. */
  readonly earliest: string;
  /** The first instant that would be accepted now (exclusive), ISO. */
  readonly notBefore: string;
}

export type SendTimeCheck = { readonly ok: true } | { readonly ok: false; readonly refusal: SendTimeRefusal };

/**
 * Whether a schedule whose first send is at `earliest` may be set at `now`: accepted only when
 * `earliest` is strictly after `now` + {@link SCHEDULE_LEAD_MS}.
 */
export const checkSendTime = (earliest: Date, now: Date): SendTimeCheck => {
  const notBeforeMs = now.getTime() + SCHEDULE_LEAD_MS;
  if (earliest.getTime() > notBeforeMs) return { ok: true };
  const at = earliest.toISOString();
  const notBefore = new Date(notBeforeMs).toISOString();
  const inPast = earliest.getTime() <= now.getTime();
  return {
    ok: false,
    refusal: {
      code: inPast ? 'in_past' : 'too_soon',
      message: inPast
        ? `the send time ${at} has already passed (it is ${now.toISOString()}): pick a later one`
        : `the send time ${at} is less than a minute away: schedule it after ${notBefore}, or start the campaign now`,
      earliest: at,
      notBefore,
    },
  };
};
