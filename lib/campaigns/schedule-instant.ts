/**
 * The UTC instant a campaign schedule first sends at (`sendAt`), by the scheduling maths of
 * `send-time.ts` (DST handled like Temporal's `compatible`: a time in a spring-forward gap moves
 * forward by the gap; a time in a fall-back overlap takes the earlier instant).
 *
 * - `at`: the wall-clock time in its zone.
 * - `recipientLocal`: the earliest instant at which any zone reaches that date and time. Which zones the
 *   audience holds is known only when it is snapshotted, so this takes the earliest possible one:
 *   UTC+14 (`Pacific/Kiritimati`, no DST). The launch at that instant starts the first wave; later
 *   zones are sent when their own clocks get there.
 */
import type { CampaignSchedule } from './campaign.schema.ts';
import { instantInZone, instantOfLocalDateTime } from './send-time.ts';

/** The zone whose clock reaches a given wall-clock time first (UTC+14 all year). */
export const EARLIEST_ZONE = 'Pacific/Kiritimati';

/** The instant a schedule first sends at. */
export const scheduleInstant = (schedule: CampaignSchedule): Date =>
  schedule.type === 'at'
    ? instantOfLocalDateTime(schedule.at, schedule.timeZone)
    : instantInZone(schedule.date, schedule.time, EARLIEST_ZONE);
