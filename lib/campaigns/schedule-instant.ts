/**
 * The UTC instant a campaign schedule first sends at (`sendAt`). This file stands in for the
 * scheduling maths of `send-time.ts` (wall-clock time in a zone → UTC, the waves of a recipient-local
 * schedule) and is meant to delegate to it once that module is in: keep it to this one function.
 *
 * - `at`: the wall-clock time in its zone, with Temporal's `compatible` disambiguation (a time in a
 *   spring-forward gap moves forward by the gap; a time in a fall-back overlap takes the earlier
 *   instant).
 * - `recipientLocal`: the earliest instant at which any zone reaches that date and time. Which zones the
 *   audience holds is known only when it is snapshotted, so this takes the earliest possible one:
 *   UTC+14 (`Pacific/Kiritimati`, no DST). The launch at that instant starts the first wave; later
 *   zones are sent when their own clocks get there.
 */
import type { CampaignSchedule } from './campaign.schema.ts';

/** The zone whose clock reaches a given wall-clock time first (UTC+14 all year). */
export const EARLIEST_ZONE = 'Pacific/Kiritimati';

const MINUTE = 60_000;
const DAY = 86_400_000;

const parts = (zone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The zone's offset from UTC at instant `t` (ms), to the minute. */
const offsetAt = (format: Intl.DateTimeFormat, t: number): number => {
  const p = Object.fromEntries(format.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return wall - Math.floor(t / MINUTE) * MINUTE;
};

/** `YYYY-MM-DD` and `HH:mm` in `zone` → the UTC instant, DST handled like Temporal's `compatible`. */
export const wallClockToInstant = (date: string, time: string, zone: string): Date => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const format = parts(zone);
  // Offsets a day either side bracket any transition near this wall time (none is a day long).
  const before = offsetAt(format, asUtc - DAY);
  const after = offsetAt(format, asUtc + DAY);
  const candidates = [asUtc - before, asUtc - after]
    .filter((t) => t + offsetAt(format, t) === asUtc)
    .sort((a, b) => a - b);
  const first = candidates[0];
  // None valid: the time is in a gap; the earlier offset carries it forward by the gap's length.
  return new Date(first ?? asUtc - before);
};

/** The instant a schedule first sends at. */
export const scheduleInstant = (schedule: CampaignSchedule): Date =>
  schedule.type === 'at'
    ? wallClockToInstant(schedule.at.slice(0, 10), schedule.at.slice(11, 16), schedule.timeZone)
    : wallClockToInstant(schedule.date, schedule.time, EARLIEST_ZONE);
