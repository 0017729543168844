/**
 * Which function the local stack is running right now, so that measurements (request units, round
 * trips) can be charged to the function that caused them, as they would be in Lambda.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Invocation {
  readonly functionName: string;
}

export const invocationContext = new AsyncLocalStorage<Invocation>();

export const invokeAs = <T>(functionName: string, run: () => Promise<T>): Promise<T> =>
  invocationContext.run({ functionName }, run);
