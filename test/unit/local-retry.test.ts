import { describe, expect, it } from 'vitest';
import { backoffDelay, retryWithBackoff } from '../../infra/local/retry.ts';

describe('retry with backoff', () => {
  it('doubles the delay from the base and caps it', () => {
    const policy = { attempts: 10, baseDelayMs: 10, maxDelayMs: 50 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n))).toEqual([10, 20, 40, 50, 50]);
  });

  it('returns the value of the first attempt that succeeds', async () => {
    const outcome = await retryWithBackoff(
      async (n) => {
        if (n < 3) throw new Error(`fail ${n}`);
        return 'ok';
      },
      { attempts: 5, baseDelayMs: 0, maxDelayMs: 0 },
    );
    expect(outcome).toEqual({ ok: true, value: 'ok', attempts: 3 });
  });

  it('gives up after the last attempt with the last error, never throwing', async () => {
    const tried: number[] = [];
    const outcome = await retryWithBackoff(
      async (n) => {
        tried.push(n);
        throw new Error(`fail ${n}`);
      },
      { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 },
    );
    expect(tried).toEqual([1, 2, 3]);
    expect(outcome).toEqual({ ok: false, error: new Error('fail 3'), attempts: 3 });
  });
});
