/**
 * The pure maths of the timer service: which minute drains a timer, how long its message waits in
 * the queue, which index shard holds it. No I/O, time from arguments.
 *
 * A due minute's drain runs at the minute's first second and sends every timer due in that minute
 * with a queue delay that lands on its due second. A timer is filed under the first minute whose
 * drain has not started yet, at least {@link DRAIN_LEAD_MS} from now (the index is eventually
 * consistent and Lambda clocks drift): normally its own due minute. A timer due sooner than that
 * ("near") cannot wait for a drain: it is sent to the queue at once (and its minute's drain is the
 * backup should that send never happen).
 */
export const MINUTE_MS = 60_000;
/** A timer's minute must start at least this long after it is set, or it is near. */
export const DRAIN_LEAD_MS = 10_000;
/** SQS's longest DelaySeconds. */
export const MAX_DELAY_SECONDS = 900;
/** A drain also sends what fell due this long before its minute and has not fired (a crashed send). */
export const OVERDUE_WINDOW_MS = 15 * MINUTE_MS;

export const minuteStart = (at: Date): Date => new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);

/** `2026-11-29T22:31`: a minute as it appears in keys and schedule names. */
export const minuteKey = (at: Date): string => minuteStart(at).toISOString().slice(0, 16);

export const parseMinuteKey = (key: string): Date | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(key)) return undefined;
  const at = new Date(`${key}:00.000Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
};

export interface Filing {
  /** The minute whose drain sends this timer. */
  readonly minute: Date;
  /** True when that drain starts after the due time: the timer is sent to the queue when set. */
  readonly near: boolean;
}

export const fileTimer = (due: Date, now: Date): Filing => {
  const earliest = Math.ceil((now.getTime() + DRAIN_LEAD_MS) / MINUTE_MS) * MINUTE_MS;
  const own = minuteStart(due).getTime();
  const minute = new Date(Math.max(own, earliest));
  return { minute, near: minute.getTime() > own };
};

/** Whole seconds a message waits so that it is received at its due second (0 when already due). */
export const delaySeconds = (due: Date, now: Date): number =>
  Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((due.getTime() - now.getTime()) / 1000)));

/** Index shards: a drain reads each; writes of a busy minute spread over all of them. */
export const TIMER_SHARDS = 16;

/** A stable shard for a timer key (FNV-1a), so a rescheduled timer stays in its shard. */
export const timerShard = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % TIMER_SHARDS;
};
