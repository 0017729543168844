/** Stored shapes of the timer service: a timer, a due minute's marker, a queued firing. */
import * as z from 'zod';

export const timerRecord = z.object({
  pk: z.string(),
  sk: z.string(),
  type: z.literal('timer'),
  v: z.literal(1),
  workspaceId: z.string(),
  task: z.string(),
  input: z.record(z.string(), z.unknown()),
  /** ISO instant, millisecond precision: compared as a string by the conditional writes. */
  due: z.string(),
  /** The due minute whose drain sends it. */
  minute: z.string(),
  /** Set when a delivery claimed it: the SQS message id that may run (and retry) it. */
  firedBy: z.string().optional(),
  firedAt: z.string().optional(),
});
export type TimerRecord = z.infer<typeof timerRecord>;

/** What a drain puts on the queue for a timer item: enough to claim it; the input is read by the claim. */
export const claimMessage = z.object({ key: z.string().min(1), due: z.string().min(1) });
export type ClaimMessage = z.infer<typeof claimMessage>;

/**
 * A one-shot timer on the queue: the task itself. Nothing is claimed: its task fences itself (a
 * journey step moves its run only from the move it was set for), so a second delivery does nothing.
 */
export const oneShotMessage = z.object({
  due: z.string().min(1),
  workspaceId: z.string().min(1),
  task: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});
export type OneShotMessage = z.infer<typeof oneShotMessage>;

export const timerMessage = z.union([claimMessage, oneShotMessage]);
export type TimerMessage = z.infer<typeof timerMessage>;

export const isOneShot = (message: TimerMessage): message is OneShotMessage => 'task' in message;

/** A one-shot timer's entry in its due minute's bucket (keys.timerBucket): its message, until TTL. */
export const oneShotEntry = z.object({ message: oneShotMessage });
