/**
 * Which function the local stack is running right now, so that measurements (request units, round
 * trips) can be charged to the function that caused them, as they would be in Lambda; and how often
 * and how long each function ran (Lambda bills requests and GB-seconds).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

export interface Invocation {
  readonly functionName: string;
}

export const invocationContext = new AsyncLocalStorage<Invocation>();

/** Invocations and their total duration per function, since the last `clear()`. */
export const invocationStats = new Map<string, { count: number; ms: number }>();

export const invokeAs = async <T>(functionName: string, run: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  try {
    return await invocationContext.run({ functionName }, run);
  } finally {
    const s = invocationStats.get(functionName) ?? { count: 0, ms: 0 };
    s.count += 1;
    s.ms += performance.now() - start;
    invocationStats.set(functionName, s);
  }
};
