/**
 * Retries with exponential backoff, shared by the local bus, scheduler and stream poller so that they
 * redeliver the way AWS does: a failed delivery is tried again a bounded number of times, then handed
 * to a dead-letter path. No jitter: local runs stay reproducible.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Total attempts, the first one included (≥ 1). */
  readonly attempts: number;
  /** Delay before the second attempt; doubles each time. */
  readonly baseDelayMs: number;
  /** Upper bound for one delay. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 50, maxDelayMs: 2_000 };

/** The delay before attempt `attempt + 1`, after `attempt` (1-based) failed. */
export const backoffDelay = (policy: RetryPolicy, attempt: number): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));

export type RetryOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | { readonly ok: false; readonly error: unknown; readonly attempts: number };

/**
 * Runs `attempt(n)` until it resolves or `policy.attempts` attempts have failed; never throws. The
 * outcome carries the last error so the caller can dead-letter it.
 */
export const retryWithBackoff = async <T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
): Promise<RetryOutcome<T>> => {
  const max = Math.max(1, Math.floor(policy.attempts));
  let lastError: unknown;
  for (let n = 1; n <= max; n++) {
    try {
      return { ok: true, value: await attempt(n), attempts: n };
    } catch (error) {
      lastError = error;
      if (n < max) await sleep(backoffDelay(policy, n));
    }
  }
  return { ok: false, error: lastError, attempts: max };
};
