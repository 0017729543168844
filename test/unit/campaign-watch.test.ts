/** `ecrm campaign watch`: polls until the campaign ends or pauses, a bar on a terminal, lines otherwise. */
import { describe, expect, it } from 'vitest';
import {
  pollInterval,
  progressBar,
  progressLine,
  type WatchedProgress,
  watchCampaign,
} from '../../cli/campaign-watch.ts';

const progress = (over: Partial<WatchedProgress> = {}): WatchedProgress => ({
  campaignId: 'cmp_00000000000000000001',
  status: 'sending',
  audience: 10_000,
  queued: 10_000,
  inFlight: 0,
  sent: 0,
  suppressed: 0,
  failed: 0,
  capped: 0,
  cancelled: 0,
  settled: 0,
  reasons: [],
  ...over,
});

const run = async (answers: readonly unknown[], tty: boolean, interval: number | 'default' = 1500) => {
  const out: string[] = [];
  const slept: number[] = [];
  let i = 0;
  const last = await watchCampaign({
    progress: async () => answers[Math.min(i++, answers.length - 1)],
    write: (text) => out.push(text),
    tty,
    sleep: async (ms) => {
      slept.push(ms);
    },
    intervalMs: interval === 'default' ? undefined : interval,
    now: () => new Date('2026-11-30T10:00:00.000Z'),
  });
  return { last, text: out.join(''), polls: i, slept };
};

const halfway = progress({
  queued: 4_800,
  inFlight: 100,
  sent: 4_900,
  suppressed: 150,
  failed: 50,
  settled: 5_100,
});
const done = progress({
  status: 'sent',
  queued: 0,
  sent: 9_800,
  suppressed: 150,
  failed: 50,
  settled: 10_000,
  reasons: [{ reason: 'unsubscribed', recipients: 150 }],
});

describe('campaign watch', () => {
  it('without a terminal: one line per poll until the campaign is sent, then what was not sent and why', async () => {
    const { last, text, polls, slept } = await run([progress(), halfway, done], false);
    expect(polls).toBe(3);
    expect(slept).toEqual([1500, 1500]);
    expect(last.status).toBe('sent');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      '2026-11-30T10:00:00.000Z cmp_00000000000000000001 sending 0% 0/10,000 sent 0 · suppressed 0 · failed 0 · capped 0 · queued 10,000 · in flight 0',
    );
    expect(lines[1]).toContain('sending 51% 5,100/10,000 sent 4,900 · suppressed 150 · failed 50');
    expect(lines[2]).toContain('sent 100% 10,000/10,000');
    expect(lines[3]).toBe('cmp_00000000000000000001 is sent');
    expect(lines[4]).toBe('  not sent because: unsubscribed: 150');
    expect(text).not.toContain('\r');
  });

  it('on a terminal: one bar redrawn in place', async () => {
    const { text } = await run([halfway, done], true);
    expect(text.split('\r')).toHaveLength(3);
    expect(text).toContain('\x1b[K');
    expect(progressBar(halfway)).toMatch(/^█{15}░{15} {2}51% 5,100\/10,000 .* \[sending\]$/);
  });

  it('stops on a pause, saying why and how to resume; on a cancel and a failure too', async () => {
    const paused = await run([halfway, progress({ status: 'paused', pausedReason: 'quota' })], false);
    expect(paused.last.status).toBe('paused');
    expect(paused.text).toContain(
      'is paused (quota): resume it with `ecrm campaign resume --id cmp_00000000000000000001`',
    );
    for (const status of ['cancelled', 'failed'])
      expect((await run([progress({ status })], false)).polls).toBe(1);
    expect(
      (await run([progress({ status: 'failed', failedReason: 'template gone' })], false)).text,
    ).toContain('is failed (template gone)');
  });

  it('counts nothing before the snapshot (0 %), and refuses an answer that is not a progress', async () => {
    expect(progressLine(progress({ audience: 0, queued: 0 }), new Date(0))).toContain(' 0% 0/0 ');
    await expect(run([{ status: 'sending' }], false)).rejects.toThrow();
  });

  it('polls every 2 s by default, less often for big campaigns (each poll reads every chunk), at most once a minute', async () => {
    expect(pollInterval(progress({ audience: 10_000 }))).toBe(2_000);
    expect(pollInterval(progress({ audience: 1_000_000 }))).toBe(50_000);
    expect(pollInterval(progress({ audience: 5_000_000 }))).toBe(60_000);
    const { slept } = await run([progress({ audience: 1_000_000 }), done], false, 'default');
    expect(slept).toEqual([50_000]);
  });
});
