import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../lib/email/send/deliver.ts';
import {
  checkedFrom,
  headerText,
  isHeaderSafe,
  listUnsubscribeValue,
  UnsafeHeaderError,
} from '../../lib/email/send/header-safety.ts';
import {
  pace,
  SendLimitReachedError,
  sendLimits,
  withinDailyQuota,
} from '../../lib/email/send/send-limits.ts';
import { fixedClock } from '../../lib/shared/clock.ts';

describe('header safety', () => {
  it.each([
    ['Hi\r\nBcc: victim@example.com', 'Hi Bcc: victim@example.com'],
    ['Hi\nX-Injected: 1', 'Hi X-Injected: 1'],
    ['Hi\rX', 'Hi X'],
    ['a\u0000b\u007fc', 'a b c'],
    ['line\u2028sep\u2029para\u0085nel', 'line sep para nel'],
    ['  tabs\tand   spaces  ', 'tabs and spaces'],
    ['Olá 你好 ¿qué tal?', 'Olá 你好 ¿qué tal?'],
  ])('makes %j one header-safe line', (input, expected) => {
    const out = headerText(input);
    expect(out).toBe(expected);
    expect(isHeaderSafe(out)).toBe(true);
  });

  it('caps a header at 998 characters (RFC 5322 line length)', () => {
    expect(headerText('x'.repeat(5000))).toHaveLength(998);
  });

  it('refuses an unsubscribe URL or From address that could break out of its header', () => {
    expect(listUnsubscribeValue('https://ecrm.example/u/abc')).toBe('<https://ecrm.example/u/abc>');
    for (const bad of [
      'https://e.example/u/a\r\nBcc: x',
      'https://e.example/u/a>, <mailto:x@y',
      'javascript:alert(1)',
    ])
      expect(() => listUnsubscribeValue(bad)).toThrow(UnsafeHeaderError);
    expect(() => checkedFrom('"Shop" <a@shop.example>\nBcc: x@evil.example')).toThrow(UnsafeHeaderError);
    expect(checkedFrom('"Shop" <a@shop.example>')).toBe('"Shop" <a@shop.example>');
  });
});

describe('send pacing', () => {
  it('spaces batches at the container share of the send rate', () => {
    const first = pace(0, 50, 10, 1_000);
    expect(first).toEqual({ waitMs: 0, nextFreeMs: 6_000 });
    const second = pace(first.nextFreeMs, 50, 10, 2_000);
    expect(second).toEqual({ waitMs: 4_000, nextFreeMs: 11_000 });
    expect(pace(second.nextFreeMs, 1, 10, 20_000)).toEqual({ waitMs: 0, nextFreeMs: 20_100 });
  });

  it('stops at the daily quota, counting what was sent since GetAccount was read', () => {
    const quota = { maxSendRate: 14, max24HourSend: 200, sentLast24Hours: 100 };
    expect(withinDailyQuota(quota, 50, 50)).toBe(true);
    expect(withinDailyQuota(quota, 51, 50)).toBe(false);
    expect(withinDailyQuota({ ...quota, max24HourSend: -1 }, 1e9, 50)).toBe(true);
  });

  it('backs off exponentially with jitter', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, 200, 1))).toEqual([200, 400, 800]);
    expect([1, 2, 3].map((n) => backoffMs(n, 200, 0))).toEqual([100, 200, 400]);
  });
});

describe('send limits', () => {
  it('defers a batch the rate would hold longer than a Lambda can wait, without spending the budget', async () => {
    const clock = fixedClock('2026-06-01T00:00:00.000Z');
    const waits: number[] = [];
    const limits = sendLimits({
      readAccount: async () => ({ maxSendRate: 1, max24HourSend: 10_000, sentLast24Hours: 0 }),
      clock,
      sleep: async (ms) => {
        waits.push(ms);
      },
      containers: 1,
      maxWaitMs: 15_000,
    });
    await limits.acquire(10);
    await limits.acquire(10);
    await expect(limits.acquire(50)).rejects.toThrow(SendLimitReachedError);
    clock.advance(20_000);
    await limits.acquire(10);
    expect(waits).toEqual([10_000]);
  });
});
