/**
 * A due minute drained on the local stack, as the timer and journey benches measure it: the local
 * scheduler moved to the minute (its one schedule fires the drain), then every message of the timer
 * queue handled. Times and the queue's requests and batches of that phase.
 */
import { performance } from 'node:perf_hooks';
import type { LocalStack } from '../../infra/local/stack.ts';

export interface Drained {
  /** Until the drain had queued every timer. */
  readonly drainedSeconds: number;
  /** Until every queued timer was handled. */
  readonly firedSeconds: number;
  /** SQS send requests and consumer batches (each one receive and one delete on AWS). */
  readonly sends: number;
  readonly batches: number;
}

export const drainOnStack = async (stack: LocalStack, minute: Date): Promise<Drained> => {
  const sendsBefore = stack.queues.sendRequests;
  const batchesBefore = stack.queues.invocations;
  const t0 = performance.now();
  await stack.scheduler.advanceTo(minute);
  const drainedSeconds = (performance.now() - t0) / 1000;
  while (stack.queues.depth('fire-timer') > 0) {
    await stack.queues.idle();
    await new Promise((r) => setTimeout(r, 20));
  }
  await stack.idle();
  return {
    drainedSeconds,
    firedSeconds: (performance.now() - t0) / 1000,
    sends: stack.queues.sendRequests - sendsBefore,
    batches: stack.queues.invocations - batchesBefore,
  };
};
