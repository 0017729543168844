/**
 * The account's sending limits (SES GetAccount: MaxSendRate, Max24HourSend, SentLast24Hours),
 * respected per container: the account is read at most once a minute, each container paces its
 * sends at its share of the rate (the queue's maximum concurrency splits it), and counts what it sent
 * since the read so it stops short of the daily quota instead of drawing ACCOUNT_DAILY_QUOTA_EXCEEDED.
 */
import type { Clock } from '../../shared/clock.ts';
import type { SendLimits } from './ports.ts';

export interface AccountQuota {
  /** Emails a second the account may send. */
  readonly maxSendRate: number;
  /** Emails per rolling 24 hours; negative means unlimited. */
  readonly max24HourSend: number;
  readonly sentLast24Hours: number;
}

/** Over the daily quota, or the rate would make this batch wait too long: hand nothing to SES now. */
export class SendLimitReachedError extends Error {
  override readonly name = 'SendLimitReachedError';
  constructor(
    message: string,
    /** `daily`: Max24HourSend is reached (lifts as the 24-hour window moves); `rate`: wait, then retry. */
    readonly limit: 'daily' | 'rate',
  ) {
    super(message);
  }
}

/**
 * Pure pacing: when `count` emails may start, given when the container's rate budget is next free.
 * Returns the wait and the budget's next free instant (ms).
 */
export const pace = (nextFreeMs: number, count: number, ratePerSecond: number, nowMs: number) => {
  const start = Math.max(nowMs, nextFreeMs);
  return { waitMs: start - nowMs, nextFreeMs: start + (count / ratePerSecond) * 1000 };
};

/** Whether `count` more emails stay within the daily quota. */
export const withinDailyQuota = (quota: AccountQuota, sentSinceRead: number, count: number): boolean =>
  quota.max24HourSend < 0 || quota.sentLast24Hours + sentSinceRead + count <= quota.max24HourSend;

export const sendLimits = (deps: {
  readonly readAccount: () => Promise<AccountQuota>;
  readonly clock: Clock;
  readonly sleep: (ms: number) => Promise<void>;
  /** How many containers share the rate (the send queue's maximum concurrency). */
  readonly containers: number;
  readonly cacheMs?: number;
  /** Longest wait for the rate before the batch is deferred to the queue instead (Lambda has a timeout). */
  readonly maxWaitMs?: number;
}): SendLimits => {
  const cacheMs = deps.cacheMs ?? 60_000;
  const maxWaitMs = deps.maxWaitMs ?? 20_000;
  let quota: AccountQuota | undefined;
  let readAt = 0;
  let sentSinceRead = 0;
  let nextFreeMs = 0;
  return {
    async acquire(count) {
      const now = deps.clock.now().getTime();
      if (!quota || now - readAt >= cacheMs) {
        quota = await deps.readAccount();
        readAt = now;
        sentSinceRead = 0;
      }
      if (!withinDailyQuota(quota, sentSinceRead, count))
        throw new SendLimitReachedError(
          `the account's 24-hour quota (${quota.max24HourSend}) is reached: ${quota.sentLast24Hours + sentSinceRead} sent`,
          'daily',
        );
      const rate = Math.max(quota.maxSendRate / Math.max(1, deps.containers), 0.1);
      const paced = pace(nextFreeMs, count, rate, now);
      if (paced.waitMs > maxWaitMs)
        throw new SendLimitReachedError(
          `the send rate (${rate}/s here) would hold this batch ${paced.waitMs} ms`,
          'rate',
        );
      nextFreeMs = paced.nextFreeMs;
      sentSinceRead += count;
      if (paced.waitMs > 0) await deps.sleep(paced.waitMs);
    },
  };
};
