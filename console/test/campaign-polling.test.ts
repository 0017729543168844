/** How often the campaign page asks for a campaign's progress: by size while it moves, slowly while it waits. */
import { describe, expect, it } from 'vitest';
import { progressMark, progressPollMs } from '../src/pages/campaigns/campaign-status.ts';

describe('progressPollMs', () => {
  it('stops once the campaign is final', () => {
    for (const status of ['draft', 'sent', 'cancelled', 'failed'] as const)
      expect(progressPollMs({ status, audience: 10, unchanged: 0 })).toBe(false);
  });

  it('asks every 2 s for a small campaign that sends, less often the bigger its audience', () => {
    expect(progressPollMs({ status: 'sending', audience: 3, unchanged: 0 })).toBe(2_000);
    expect(progressPollMs({ status: 'sending', audience: 10_000, unchanged: 0 })).toBe(2_000);
    expect(progressPollMs({ status: 'sending', audience: 50_000, unchanged: 0 })).toBe(10_000);
    expect(progressPollMs({ status: 'sending', audience: 1_000_000, unchanged: 0 })).toBe(30_000);
  });

  it('slows to 30 s while the campaign waits: scheduled, paused, or nothing moving for 5 answers', () => {
    expect(progressPollMs({ status: 'scheduled', audience: 0, unchanged: 0 })).toBe(30_000);
    expect(progressPollMs({ status: 'paused', audience: 3, unchanged: 0 })).toBe(30_000);
    expect(progressPollMs({ status: 'sending', audience: 3, unchanged: 4 })).toBe(2_000);
    expect(progressPollMs({ status: 'sending', audience: 3, unchanged: 5 })).toBe(30_000);
  });

  it('takes an answer with recipients in flight as moving', () => {
    expect(progressMark({ audience: 3, settled: 1, inFlight: 2 })).toBeUndefined();
    expect(progressMark({ audience: 3, settled: 1, inFlight: 0 })).toBe(
      progressMark({ audience: 3, settled: 1, inFlight: 0 }),
    );
    expect(progressMark({ audience: 3, settled: 2, inFlight: 0 })).not.toBe(
      progressMark({ audience: 3, settled: 1, inFlight: 0 }),
    );
  });
});
