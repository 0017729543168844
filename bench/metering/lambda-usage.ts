/**
 * Lambda usage of what the local stack just ran, per AWS's billing: requests, and GB-seconds estimated
 * from the work done (5 ms an invocation, 5 ms a DynamoDB request, plus what a caller adds per
 * function: the send function's SES calls) at each function's memory; the local wall time's GB-seconds
 * beside it as an upper bound. Shared by the cost and campaign benches.
 */
import { functions } from '../../infra/catalogue/functions.ts';
import { DEFAULT_MEMORY_MB } from '../../infra/catalogue/types.ts';
import { invocationStats } from '../../infra/local/invocation-context.ts';
import type { meter as Meter } from '../capacity.ts';
import { gbSeconds } from './prices.ts';

export const ESTIMATED_MS = { perInvocation: 5, perDynamoDbRequest: 5 } as const;

const memoryOf = new Map(functions.map((f) => [f.name, f.memoryMb ?? DEFAULT_MEMORY_MB]));

export interface LambdaUsage {
  readonly requests: number;
  readonly estimatedGbSeconds: number;
  readonly measuredGbSeconds: number;
  /** Invocations per function. */
  readonly invocations: ReadonlyMap<string, number>;
}

export const lambdaUsage = (
  meter: ReturnType<typeof Meter>,
  extraMs: (functionName: string) => number = () => 0,
): LambdaUsage => {
  let requests = 0;
  let estimated = 0;
  let measured = 0;
  const invocations = new Map<string, number>();
  for (const [name, s] of invocationStats) {
    const memory = memoryOf.get(name) ?? DEFAULT_MEMORY_MB;
    requests += s.count;
    invocations.set(name, s.count);
    measured += gbSeconds(s.ms, memory);
    estimated += gbSeconds(
      s.count * ESTIMATED_MS.perInvocation +
        meter.get(name).calls * ESTIMATED_MS.perDynamoDbRequest +
        extraMs(name),
      memory,
    );
  }
  return { requests, estimatedGbSeconds: estimated, measuredGbSeconds: measured, invocations };
};
