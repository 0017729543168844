/** The queue between the drains and the fire function (SQS in AWS, the local queue on the local stack). */
import type { TimerMessage } from './timer.schema.ts';

export interface QueuedTimer {
  readonly message: TimerMessage;
  /** 0–900: the message becomes visible at its timer's due second. */
  readonly delaySeconds: number;
}

export interface TimerQueue {
  /** Send every message or throw (partial batch failures retried inside). */
  send(messages: readonly QueuedTimer[]): Promise<void>;
}

/** Creates the one-time schedule that drains a minute (EventBridge Scheduler), idempotently by name. */
export interface DrainSchedules {
  /** Create the minute's drain schedule unless it exists. */
  ensure(minute: string, at: Date): Promise<'created' | 'exists'>;
}
