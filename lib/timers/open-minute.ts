/**
 * Behind a timer's outbox event: a newly opened due minute gets its drain schedule (or, if that
 * minute is already upon us, is drained at once); a near timer is queued at once.
 */
import type { Clock } from '../shared/clock.ts';
import { type DrainDeps, drainMinute, InvalidMinuteError } from './drain.ts';
import { DRAIN_LEAD_MS, delaySeconds, parseMinuteKey } from './due.ts';
import type { TimerMessage } from './timer.schema.ts';
import type { DrainSchedules, TimerQueue } from './timer-queue.ts';

export interface OpenMinuteDeps extends DrainDeps {
  readonly schedules: DrainSchedules;
}

/** Below this, a schedule could be created after its time: drain here instead. */
const SCHEDULE_MARGIN_MS = DRAIN_LEAD_MS / 2;

export const minuteOpened = async (
  minute: string,
  deps: OpenMinuteDeps,
): Promise<'scheduled' | 'exists' | 'drained'> => {
  const start = parseMinuteKey(minute);
  if (!start) throw new InvalidMinuteError(`not a due minute: ${minute}`);
  if (start.getTime() - deps.clock.now().getTime() < SCHEDULE_MARGIN_MS) {
    await drainMinute(minute, deps);
    return 'drained';
  }
  const outcome = await deps.schedules.ensure(minute, start);
  return outcome === 'created' ? 'scheduled' : 'exists';
};

export const queueNearTimer = async (
  message: TimerMessage,
  deps: { readonly queue: TimerQueue; readonly clock: Clock },
): Promise<void> => {
  await deps.queue.send([{ message, delaySeconds: delaySeconds(new Date(message.due), deps.clock.now()) }]);
};
