import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import { RateLimitedError } from '../../lib/shared/errors.ts';
import { type RateCounters, rateLimiter, WINDOW_SECONDS } from '../../lib/workspaces/rate-limit.ts';

/** The table's counters, shared by every "container" of a test, counting the writes made. */
const sharedCounters = () => {
  const totals = new Map<string, number>();
  let writes = 0;
  const counters: RateCounters = {
    add: async (ws, subject, window, n) => {
      writes += 1;
      const id = `${ws}/${subject}/${window}`;
      totals.set(id, (totals.get(id) ?? 0) + n);
      return totals.get(id) ?? n;
    },
  };
  return { counters, writes: () => writes };
};

const request = { workspaceId: 'ws_shop', keyId: 'k_1', limits: { perKey: 5, perWorkspace: 1_000 } };

const refusal = async (admit: () => Promise<void>): Promise<RateLimitedError | undefined> => {
  try {
    await admit();
    return undefined;
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
};

describe('ingest rate limiting', () => {
  it('refuses the request after the allowance with the seconds left in the window, then admits again', async () => {
    const clock = fixedClock('2026-03-01T12:00:00.000Z');
    const limiter = rateLimiter({ counters: sharedCounters().counters, clock });
    for (let i = 0; i < 5 * WINDOW_SECONDS; i++) await limiter.admit(request);
    clock.advance(3_500);
    const refused = await refusal(() => limiter.admit(request));
    expect(refused?.retryAfterSeconds).toBe(WINDOW_SECONDS - 3);
    expect(refused?.code).toBe('rate_limited');
    clock.advance((WINDOW_SECONDS - 3.5) * 1000);
    await expect(limiter.admit(request)).resolves.toBeUndefined();
  });

  it('limits the workspace across its keys', async () => {
    const clock = fixedClock('2026-03-01T12:00:00.000Z');
    const limiter = rateLimiter({ counters: sharedCounters().counters, clock });
    const limits = { perKey: 1_000, perWorkspace: 2 };
    for (let i = 0; i < 20; i++) await limiter.admit({ ...request, keyId: `k_${i % 4}`, limits });
    const refused = await refusal(() => limiter.admit({ ...request, keyId: 'k_9', limits }));
    expect(refused?.message).toContain('workspace');
  });

  it('shares totals between containers through the table, near the limit', async () => {
    const clock = fixedClock('2026-03-01T12:00:00.000Z');
    const shared = sharedCounters();
    const a = rateLimiter({ counters: shared.counters, clock });
    const b = rateLimiter({ counters: shared.counters, clock });
    // 50 per window: each container flushes every request (2% of 50 = 1).
    for (let i = 0; i < 25; i++) await a.admit(request);
    for (let i = 0; i < 25; i++) await b.admit(request);
    expect(await refusal(() => a.admit(request))).toBeInstanceOf(RateLimitedError);
  });

  it('writes to the table rarely far below the limit: defaults, 1M requests at 20/s', async () => {
    const clock = fixedClock('2026-03-01T12:00:00.000Z');
    const shared = sharedCounters();
    const limiter = rateLimiter({ counters: shared.counters, clock });
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      await limiter.admit({ workspaceId: 'ws_shop', keyId: 'k_1' });
      clock.advance(50);
    }
    // Default 100/s per key: one write per 20 requests for the key and per 200 for the workspace.
    expect(shared.writes() / n).toBeLessThan(0.06);
  });
});
