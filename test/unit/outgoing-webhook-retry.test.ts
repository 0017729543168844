/** The retry schedule of outgoing webhook deliveries: exponential, capped, within the window. */
import { describe, expect, it } from 'vitest';
import {
  backoffSeconds,
  DEFAULT_RETRY_POLICY,
  nextAttemptAt,
  type RetryPolicy,
} from '../../lib/outgoing-webhooks/retry-policy.ts';

const T0 = new Date('2026-11-30T00:00:00.000Z');
const plus = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

/** Every attempt's time when each fails at once, until the delivery is dead. */
const schedule = (policy: RetryPolicy): Date[] => {
  const times = [T0];
  for (;;) {
    const last = times[times.length - 1] ?? T0;
    const next = nextAttemptAt(times.length, T0, last, policy);
    if (!next) return times;
    times.push(next);
  }
};

describe('webhook retry policy', () => {
  it('doubles from 30 s up to 2 h', () => {
    expect([1, 2, 3, 8, 9, 20].map((n) => backoffSeconds(n, DEFAULT_RETRY_POLICY))).toEqual([
      30, 60, 120, 3840, 7200, 7200,
    ]);
  });

  it('retries for 24 h after the first attempt (19 attempts), then the delivery is dead', () => {
    const times = schedule(DEFAULT_RETRY_POLICY);
    expect(times).toHaveLength(19);
    const last = times[times.length - 1] ?? T0;
    expect(last.getTime()).toBeLessThanOrEqual(plus(T0, 86_400).getTime());
    expect(plus(last, 7200).getTime()).toBeGreaterThan(plus(T0, 86_400).getTime());
  });

  it('counts the window from its start (a replay starts a new one), whatever the attempt number', () => {
    const policy = { baseSeconds: 1, maxDelaySeconds: 2, windowSeconds: 6 };
    expect(nextAttemptAt(7, T0, plus(T0, 3), policy)).toEqual(plus(T0, 5));
    expect(nextAttemptAt(7, T0, plus(T0, 5), policy)).toBeUndefined();
    expect(nextAttemptAt(7, plus(T0, 5), plus(T0, 5), policy)).toEqual(plus(T0, 7));
  });

  it('shrinks for tests: seconds apart, dead after the accelerated window', () => {
    const times = schedule({ baseSeconds: 1, maxDelaySeconds: 2, windowSeconds: 6 });
    expect(times.map((t) => (t.getTime() - T0.getTime()) / 1000)).toEqual([0, 1, 3, 5]);
  });
});
