import { ConflictError } from '../shared/errors.ts';
import { isConditionFailure } from '../shared/table.ts';

/**
 * How many writers of one item at once every one gets through: each round of a race has a winner
 * (a condition fails only because another write succeeded), so with n attempts each of n writers
 * racing together wins by its n-th. Ten: the same request sent ten times at once.
 */
export const CONCURRENT_WRITERS = 10;

/**
 * Run an optimistic read-modify-write again when a concurrent writer won the race (a failed
 * condition). Each attempt re-reads, so the last writer never overwrites newer state blindly.
 */
export const retryOnConflict = async <T>(
  what: string,
  attempt: () => Promise<T>,
  attempts = CONCURRENT_WRITERS,
): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (i >= attempts)
        throw new ConflictError(`${what}: too many concurrent changes, try again`, { cause: error });
      await new Promise((r) => setTimeout(r, 10 * i + Math.random() * 20));
    }
  }
};
