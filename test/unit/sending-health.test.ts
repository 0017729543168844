import { describe, expect, it } from 'vitest';
import {
  pauseReason,
  ratesOf,
  SENDING_THRESHOLDS,
  windowStart,
} from '../../lib/email/feedback/sending-health.ts';

describe('sending health', () => {
  it('computes rates over delivered + hard-bounced messages', () => {
    expect(ratesOf({ delivered: 950, bounced: 50, complained: 1 })).toEqual({
      delivered: 950,
      bounced: 50,
      complained: 1,
      volume: 1000,
      bounceRate: 0.05,
      complaintRate: 0.001,
    });
    expect(ratesOf({ delivered: 0, bounced: 0, complained: 0 }).bounceRate).toBe(0);
  });

  it('pauses before SES reviews (4% bounces, 0.08% complaints), not below the minimum volume', () => {
    expect(SENDING_THRESHOLDS.bounceRate).toBeLessThan(0.05);
    expect(SENDING_THRESHOLDS.complaintRate).toBeLessThan(0.001);
    expect(pauseReason(ratesOf({ delivered: 961, bounced: 39, complained: 0 }))).toBeUndefined();
    expect(pauseReason(ratesOf({ delivered: 960, bounced: 40, complained: 0 }))).toContain(
      'bounce rate 4.00%',
    );
    expect(pauseReason(ratesOf({ delivered: 2000, bounced: 0, complained: 1 }))).toBeUndefined();
    expect(pauseReason(ratesOf({ delivered: 1250, bounced: 0, complained: 1 }))).toContain(
      'complaint rate 0.08%',
    );
    // Half the mail bounced, but too little mail for a rate to mean something.
    expect(pauseReason(ratesOf({ delivered: 100, bounced: 100, complained: 5 }))).toBeUndefined();
  });

  it('names the complaint rate first when both are over', () => {
    expect(pauseReason(ratesOf({ delivered: 900, bounced: 100, complained: 5 }))).toMatch(/^complaint rate/);
  });

  it('measures from the window start, or from the last resume when later', () => {
    const now = new Date('2026-11-08T12:30:00Z');
    expect(windowStart(now, undefined, 168).toISOString()).toBe('2026-11-01T13:30:00.000Z');
    expect(windowStart(now, '2026-11-05T09:00:00.000Z', 168).toISOString()).toBe('2026-11-05T09:00:00.000Z');
    expect(windowStart(now, '2026-10-01T09:00:00.000Z', 168).toISOString()).toBe('2026-11-01T13:30:00.000Z');
  });
});
