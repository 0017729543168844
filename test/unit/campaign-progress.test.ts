/** Counting a campaign's recipients from its chunks, and queuing a wave's pending chunks. */
import { describe, expect, it } from 'vitest';
import type { CampaignChunk, ChunkState } from '../../lib/campaigns/send/chunk.schema.ts';
import { dispatchWave, ENQUEUE_BATCH } from '../../lib/campaigns/send/dispatch.ts';
import { addChunk, campaignTally, emptyTally, isDone } from '../../lib/campaigns/send/progress.ts';
import type { ChunkJob } from '../../lib/campaigns/send/send-chunk.ts';

const chunk = (
  shard: number,
  page: number,
  states: ChunkState[],
  waves: number[] = states.map(() => 0),
  reasons: Record<string, string> = {},
): CampaignChunk => ({
  type: 'campaignChunk',
  v: 1,
  campaignId: 'cmp_1',
  shard,
  page,
  contacts: states.map((_, i) => `c_${shard}_${page}_${i}`),
  states,
  waves,
  waveSet: [...new Set(waves)],
  reasons,
});

const listing = (all: readonly CampaignChunk[]) => ({
  async *list(_ws: string, _cmp: string, shard: number, wave?: number) {
    for (const c of all) if (c.shard === shard && (wave === undefined || c.waveSet.includes(wave))) yield c;
  },
});

describe('a campaign tally', () => {
  it('counts each recipient once by state, with the reasons of refusals and failures', () => {
    const t = addChunk(
      addChunk(
        emptyTally(),
        chunk(0, 0, ['s', 's', 'r', 'f', 'p'], undefined, { 2: 'unsubscribed', 3: 'bad' }),
      ),
      chunk(0, 1, ['c', 'u', 'k', 'x', 'r'], undefined, { 1: 'outcome unknown', 4: 'unsubscribed' }),
    );
    expect(t).toEqual({
      audience: 10,
      pending: 1,
      inFlight: 2,
      sent: 2,
      suppressed: 2,
      failed: 1,
      capped: 1,
      cancelled: 1,
      reasons: { unsubscribed: 2, bad: 1 },
    });
    expect(isDone(t)).toBe(false);
    // Every recipient has exactly one final state: the campaign is done, and they add up.
    const done = addChunk(emptyTally(), chunk(3, 0, ['s', 'r', 'f', 'k', 'x']));
    expect(isDone(done)).toBe(true);
    expect(done.sent + done.suppressed + done.failed + done.capped + done.cancelled).toBe(done.audience);
  });

  it('sums every shard of a campaign', async () => {
    const all = [chunk(0, 0, ['s', 's']), chunk(7, 0, ['r']), chunk(15, 3, ['p', 's'])];
    expect(await campaignTally(listing(all), 'ws_a', 'cmp_1')).toMatchObject({
      audience: 5,
      sent: 3,
      pending: 1,
    });
  });
});

describe('dispatching a wave', () => {
  it('queues each chunk with a recipient pending in that wave, in batches SQS takes', async () => {
    const all = [
      ...Array.from({ length: 23 }, (_, page) => chunk(2, page, ['p', 's'], [0, 0])),
      chunk(5, 0, ['s', 's'], [0, 0]),
      chunk(5, 1, ['p', 'p'], [1, 1]),
      chunk(9, 0, ['s', 'p'], [0, 1]),
      chunk(9, 1, ['p', 's'], [1, 0]),
    ];
    const batches: ChunkJob[][] = [];
    const queued = await dispatchWave({ workspaceId: 'ws_a', campaignId: 'cmp_1' }, 0, {
      chunks: listing(all),
      enqueue: async (jobs) => {
        batches.push([...jobs]);
      },
    });
    expect(queued).toBe(23);
    expect(batches.every((b) => b.length <= ENQUEUE_BATCH)).toBe(true);
    expect(batches.flat().map((j) => `${j.shard}/${j.page}/${j.wave}`)).toEqual(
      Array.from({ length: 23 }, (_, page) => `2/${page}/0`),
    );
    const wave1: ChunkJob[] = [];
    await dispatchWave({ workspaceId: 'ws_a', campaignId: 'cmp_1' }, 1, {
      chunks: listing(all),
      enqueue: async (jobs) => {
        wave1.push(...jobs);
      },
    });
    expect(wave1.map((j) => `${j.shard}/${j.page}`).sort()).toEqual(['5/1', '9/0', '9/1']);
  });
});
