/**
 * A minute's drain: every pending timer due in that minute (and anything left due in the overdue
 * window before it), and the one-shot timers filed in that minute's buckets, go to the queue, delayed
 * to their due second. Run by the minute's one-time schedule. Sending a timer twice is harmless (the
 * fire function claims it once; a one-shot task fences itself), so a drain that crashes half-way is
 * simply run again.
 */
import type { Clock } from '../shared/clock.ts';
import { delaySeconds, MINUTE_MS, OVERDUE_WINDOW_MS, parseMinuteKey, TIMER_SHARDS } from './due.ts';
import type { TimerMessage } from './timer.schema.ts';
import type { TimerQueue } from './timer-queue.ts';
import type { TimersRepository } from './timers.repository.ts';

export interface DrainDeps {
  readonly timers: TimersRepository;
  readonly queue: TimerQueue;
  readonly clock: Clock;
}

export class InvalidMinuteError extends Error {}

const BATCH = 10;

export const drainMinute = async (minute: string, deps: DrainDeps): Promise<{ sent: number }> => {
  const start = parseMinuteKey(minute);
  if (!start) throw new InvalidMinuteError(`not a due minute: ${minute}`);
  const from = new Date(start.getTime() - OVERDUE_WINDOW_MS).toISOString();
  const to = new Date(start.getTime() + MINUTE_MS - 1).toISOString();
  // A drain never acts before its minute: where a clock runs behind the schedule (the local stack's
  // scheduler can be moved ahead), delays count from the minute, not from that clock.
  const now = new Date(Math.max(deps.clock.now().getTime(), start.getTime()));
  const counts = await Promise.all(
    Array.from({ length: TIMER_SHARDS }, async (_, shard) => {
      let sent = 0;
      const send = async (page: readonly TimerMessage[]) => {
        const queued = page.map((message) => ({
          message,
          delaySeconds: delaySeconds(new Date(message.due), now),
        }));
        for (let i = 0; i < queued.length; i += BATCH) await deps.queue.send(queued.slice(i, i + BATCH));
        sent += queued.length;
      };
      for await (const page of deps.timers.due(shard, from, to)) await send(page);
      for await (const page of deps.timers.bucket(minute, shard)) await send(page);
      return sent;
    }),
  );
  return { sent: counts.reduce((a, b) => a + b, 0) };
};
