/**
 * When a failed delivery is tried again: exponential backoff from `baseSeconds`, doubling per attempt
 * up to `maxDelaySeconds`, for as long as the retry window (`windowSeconds` from the window's start)
 * lasts; after it, the delivery is dead. Pure: time comes from arguments.
 *
 * Deployed: 30 s, 1, 2, 4, 8, 16, 32, 64 min, then every 2 h until 24 h (19 attempts in all). The
 * local stack and tests shrink it through the environment (config.ts `outgoingWebhooks`).
 */
export interface RetryPolicy {
  readonly baseSeconds: number;
  readonly maxDelaySeconds: number;
  readonly windowSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseSeconds: 30,
  maxDelaySeconds: 2 * 3600,
  windowSeconds: 24 * 3600,
};

/** The delay after failed attempt `attempt` (1 = the first). */
export const backoffSeconds = (attempt: number, policy: RetryPolicy): number =>
  Math.min(policy.maxDelaySeconds, policy.baseSeconds * 2 ** Math.min(Math.max(attempt - 1, 0), 30));

/**
 * The time of the next attempt after attempt `attempt` failed at `now`, or undefined when it would
 * fall after the window: the delivery is then dead.
 */
export const nextAttemptAt = (
  attempt: number,
  windowStart: Date,
  now: Date,
  policy: RetryPolicy,
): Date | undefined => {
  const next = new Date(now.getTime() + backoffSeconds(attempt, policy) * 1000);
  const closes = windowStart.getTime() + policy.windowSeconds * 1000;
  return next.getTime() <= closes ? next : undefined;
};
