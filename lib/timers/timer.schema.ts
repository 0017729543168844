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

/** What a drain puts on the queue: enough to claim the timer; the input is read by the claim. */
export const timerMessage = z.object({ key: z.string().min(1), due: z.string().min(1) });
export type TimerMessage = z.infer<typeof timerMessage>;
