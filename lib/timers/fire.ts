/**
 * A queued timer fires: claimed with a conditional write (so duplicate deliveries run it once and a
 * cancelled or moved timer not at all), then its task's use case runs. A failing use case throws:
 * the same message is redelivered and may run again (its claim is its own), then goes to the DLQ.
 * A one-shot timer's message is its task: it runs with no claim, its task being its own fence.
 */
import type { Clock } from '../shared/clock.ts';
import { isOneShot, type TimerMessage } from './timer.schema.ts';
import type { TimersRepository } from './timers.repository.ts';

export interface FireDeps {
  readonly timers: TimersRepository;
  readonly clock: Clock;
}

export type RunTask = (workspaceId: string, task: string, input: unknown) => Promise<string>;

export type FireOutcome =
  | { readonly status: 'fired'; readonly task: string; readonly result: string }
  | { readonly status: 'skipped' };

export const fireTimer = async (
  message: TimerMessage,
  messageId: string,
  run: RunTask,
  deps: FireDeps,
): Promise<FireOutcome> => {
  if (isOneShot(message))
    return {
      status: 'fired',
      task: message.task,
      result: await run(message.workspaceId, message.task, message.input),
    };
  const timer = await deps.timers.claim(message, messageId, deps.clock.now());
  if (!timer) return { status: 'skipped' };
  return { status: 'fired', task: timer.task, result: await run(timer.workspaceId, timer.task, timer.input) };
};
