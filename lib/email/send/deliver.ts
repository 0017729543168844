/**
 * Hands a batch to the mailer and works through SES's per-entry answers: accepted entries are done
 * and never handed over again; throttled or transiently failed entries are tried again, only those,
 * after a growing, jittered pause; the rest are final. A halt stops at once.
 */
import type { EntryResult, Mailer, OutgoingBatch, OutgoingEmail, SendLimits } from './ports.ts';
import { SendLimitReachedError } from './send-limits.ts';

export interface DeliverOptions {
  /** Calls per batch at most, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** 0..1; `Math.random` in production, fixed in tests. */
  readonly random: () => number;
}

export const DEFAULT_DELIVER: Omit<DeliverOptions, 'sleep'> = {
  attempts: 4,
  baseDelayMs: 200,
  random: Math.random,
};

/** Full-jitter exponential backoff: a pause in [base·2^(n-1)/2, base·2^(n-1)]. */
export const backoffMs = (attempt: number, baseMs: number, random: number): number => {
  const cap = baseMs * 2 ** (attempt - 1);
  return Math.round(cap / 2 + (cap / 2) * random);
};

export interface Delivered {
  readonly email: OutgoingEmail;
  /** `retry` here means it was still not accepted after every attempt. */
  readonly result: EntryResult;
}

export const deliver = async (
  batch: OutgoingBatch,
  deps: { readonly mailer: Mailer; readonly limits: SendLimits },
  options: DeliverOptions,
): Promise<Delivered[]> => {
  const done = new Map<string, EntryResult>();
  let pending = batch.emails;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > 1) await options.sleep(backoffMs(attempt - 1, options.baseDelayMs, options.random()));
    let results: EntryResult[];
    try {
      await deps.limits.acquire(pending.length);
    } catch (error) {
      // Over the daily quota or the rate, or GetAccount failed: nothing pending was handed to SES, so
      // it waits in the queue. Never thrown: the entries accepted by an earlier attempt keep their result.
      const reason =
        error instanceof SendLimitReachedError
          ? error.message
          : `the account's send limits could not be read: ${error instanceof Error ? error.message : String(error)}`;
      const daily = error instanceof SendLimitReachedError && error.limit === 'daily';
      for (const email of pending)
        done.set(email.messageId, { outcome: 'retry', reason, ...(daily ? { dailyQuota: true } : {}) });
      break;
    }
    try {
      results = await deps.mailer.send({ ...batch, emails: pending });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      results = pending.map(() => ({ outcome: 'unknown', reason }));
    }
    const again: OutgoingEmail[] = [];
    let halted: EntryResult | undefined;
    pending.forEach((email, i) => {
      const result = results[i] ?? { outcome: 'unknown', reason: 'SES returned no result for this entry' };
      if (result.outcome === 'halt') halted ??= result;
      if (result.outcome === 'retry' && attempt < options.attempts) again.push(email);
      else done.set(email.messageId, result);
    });
    if (halted) {
      // Everything not accepted yet stops with the halt; accepted entries keep their result.
      for (const email of again) done.set(email.messageId, halted);
      break;
    }
    pending = again;
  }
  return batch.emails.map((email) => ({
    email,
    result: done.get(email.messageId) ?? { outcome: 'retry', reason: 'not attempted' },
  }));
};
