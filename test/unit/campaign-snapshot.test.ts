/**
 * The audience snapshot of a shard: every audience contact in exactly one chunk, in order, whatever
 * crashed in the middle or ran twice at once.
 */
import { describe, expect, it } from 'vitest';
import type { AudienceSource } from '../../lib/campaigns/send/audience-pages.ts';
import { type CampaignChunk, CHUNK_SIZE, type ChunkRef } from '../../lib/campaigns/send/chunk.schema.ts';
import { type SnapshotDeps, snapshotShard } from '../../lib/campaigns/send/snapshot.ts';

const CAMPAIGN = { workspaceId: 'ws_test', campaignId: 'cmp_1' };

/** Chunks in memory, with the repository's write-once rule. */
const memoryChunks = () => {
  const items = new Map<number, CampaignChunk>();
  const chunks: SnapshotDeps['chunks'] & { items: Map<number, CampaignChunk> } = {
    items,
    async create(ref: ChunkRef, contacts: readonly string[], waves?: readonly number[]) {
      await Promise.resolve();
      if (items.has(ref.page)) return false;
      const each = waves ?? contacts.map(() => 0);
      items.set(ref.page, {
        type: 'campaignChunk',
        v: 1,
        campaignId: ref.campaignId,
        shard: ref.shard,
        page: ref.page,
        contacts: [...contacts],
        states: contacts.map(() => 'p'),
        waves: [...each],
        waveSet: [...new Set(each)],
        reasons: {},
      });
      return true;
    },
    async last() {
      await Promise.resolve();
      const pages = [...items.keys()].sort((a, b) => a - b);
      const page = pages.at(-1);
      return page === undefined ? undefined : items.get(page);
    },
  };
  return chunks;
};

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c_${String(i).padStart(5, '0')}`);

/** An audience in memory: `members` minus `excluded`, paged like the segment source. */
const memoryAudience = (
  members: readonly string[],
  excluded: ReadonlySet<string> = new Set(),
): AudienceSource => ({
  async page(_shard, after, limit) {
    await Promise.resolve();
    const rest = members.filter((c) => after === undefined || c > after);
    const taken = rest.slice(0, limit);
    return {
      contactIds: taken.filter((c) => !excluded.has(c)),
      done: taken.length === rest.length,
      last: taken.at(-1),
    };
  },
});

const everyone = (chunks: ReturnType<typeof memoryChunks>) =>
  [...chunks.items.values()].sort((a, b) => a.page - b.page).flatMap((c) => c.contacts);

describe('the snapshot of a shard', () => {
  it('writes the audience in order, ≤ 50 a chunk, pages numbered without gaps', async () => {
    const chunks = memoryChunks();
    const members = ids(173);
    const out = await snapshotShard(CAMPAIGN, 4, {
      chunks,
      audience: memoryAudience(members),
      waves: async (c) => c.map(() => 0),
    });
    expect(out).toEqual({ chunks: 4, done: true });
    expect([...chunks.items.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect([...chunks.items.values()].map((c) => c.contacts.length)).toEqual([
      CHUNK_SIZE,
      CHUNK_SIZE,
      CHUNK_SIZE,
      23,
    ]);
    expect(everyone(chunks)).toEqual(members);
  });

  it('leaves out the excluded, and moves past a page that was all excluded', async () => {
    const chunks = memoryChunks();
    const members = ids(160);
    const excluded = new Set(members.slice(40, 110));
    await snapshotShard(CAMPAIGN, 0, {
      chunks,
      audience: memoryAudience(members, excluded),
      waves: async (c) => c.map(() => 0),
    });
    expect(everyone(chunks)).toEqual(members.filter((c) => !excluded.has(c)));
  });

  it('resumes after a crash where it stopped, with no contact twice and none missed', async () => {
    const chunks = memoryChunks();
    const members = ids(420);
    let written = 0;
    const crashing: SnapshotDeps = {
      chunks,
      audience: memoryAudience(members),
      waves: async (c) => c.map(() => 0),
      written: async () => {
        written++;
        if (written === 3) throw new Error('Runtime exited');
      },
    };
    await expect(snapshotShard(CAMPAIGN, 1, crashing)).rejects.toThrow('Runtime exited');
    expect(chunks.items.size).toBe(3);
    const out = await snapshotShard(CAMPAIGN, 1, { ...crashing, written: async () => {} });
    expect(out.chunks).toBe(9);
    expect(everyone(chunks)).toEqual(members);
  });

  it('writes each contact once when two runs race over the same shard', async () => {
    const chunks = memoryChunks();
    const members = ids(777);
    const deps: SnapshotDeps = {
      chunks,
      audience: memoryAudience(members),
      waves: async (c) => c.map(() => 0),
    };
    const [a, b] = await Promise.all([snapshotShard(CAMPAIGN, 2, deps), snapshotShard(CAMPAIGN, 2, deps)]);
    expect(a).toEqual(b);
    expect(everyone(chunks)).toEqual(members);
  });

  it('keeps each recipient’s send wave and the chunk’s wave set', async () => {
    const chunks = memoryChunks();
    const members = ids(7);
    const written: number[][] = [];
    await snapshotShard(CAMPAIGN, 3, {
      chunks,
      audience: memoryAudience(members),
      waves: async (c) => c.map((_, i) => (i % 2 === 0 ? 5 : 2)),
      written: async (_ref, waveSet) => {
        written.push([...waveSet]);
      },
    });
    expect(chunks.items.get(0)?.waves).toEqual([5, 2, 5, 2, 5, 2, 5]);
    expect(written).toEqual([[2, 5]]);
  });

  it('stops when told (out of time) and the next run goes on where it stopped', async () => {
    const chunks = memoryChunks();
    const members = ids(173);
    let written = 0;
    const first = await snapshotShard(CAMPAIGN, 4, {
      chunks,
      audience: memoryAudience(members),
      waves: async (c) => c.map(() => 0),
      written: async () => {
        written++;
      },
      stop: () => written >= 2,
    });
    expect(first).toEqual({ chunks: 2, done: false });
    const second = await snapshotShard(CAMPAIGN, 4, {
      chunks,
      audience: memoryAudience(members),
      waves: async (c) => c.map(() => 0),
    });
    expect(second).toEqual({ chunks: 4, done: true });
    expect([...chunks.items.values()].flatMap((c) => c.contacts)).toEqual(members);
  });
});
