/**
 * Finding a contact in a campaign's audience snapshot: its shard's pages hold ascending ids, so a
 * binary search finds the one page it can be on, in about log2(pages) + 1 reads.
 */
import { describe, expect, it } from 'vitest';
import type { CampaignChunk, ChunkRef } from '../../lib/campaigns/send/chunk.schema.ts';
import { findRecipient } from '../../lib/campaigns/send/recipient-chunk.ts';
import { contactShardOf } from '../../lib/shared/keys.ts';

const WS = 'ws_test';
const CAMPAIGN = 'cmp_1';

/** Contact ids of one shard, ascending. */
const idsOfShard = (shard: number, count: number): string[] => {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const id = `c_${String(i).padStart(8, '0')}`;
    if (contactShardOf(id) === shard) out.push(id);
  }
  return out;
};

const chunkOf = (page: number, contacts: readonly string[]): CampaignChunk => ({
  type: 'campaignChunk',
  v: 1,
  campaignId: CAMPAIGN,
  shard: 3,
  page,
  contacts: [...contacts],
  states: contacts.map(() => 's'),
  waves: contacts.map(() => 0),
  waveSet: [0],
  reasons: {},
});

/** A shard's chunks in memory, counting the reads. */
const shardOf = (ids: readonly string[], size: number) => {
  const pages: CampaignChunk[] = [];
  for (let i = 0; i < ids.length; i += size) pages.push(chunkOf(pages.length, ids.slice(i, i + size)));
  const reads = { count: 0 };
  return {
    reads,
    chunks: {
      async get(ref: ChunkRef) {
        await Promise.resolve();
        reads.count++;
        return ref.shard === 3 ? pages[ref.page] : undefined;
      },
      async last(_ws: string, _campaign: string, shard: number) {
        await Promise.resolve();
        reads.count++;
        return shard === 3 ? pages.at(-1) : undefined;
      },
    },
  };
};

describe('findRecipient', () => {
  const members = idsOfShard(3, 1_000);
  // Every other id of the shard is in the audience: the rest fall between and around its pages.
  const audience = members.filter((_, i) => i % 2 === 0);

  it.each([1, 7, 50])('finds every recipient at its page and position (pages of %i)', async (size) => {
    const { chunks, reads } = shardOf(audience, size);
    const pages = Math.ceil(audience.length / size);
    let most = 0;
    for (const contactId of audience) {
      reads.count = 0;
      const place = await findRecipient(chunks, WS, CAMPAIGN, contactId);
      expect(place?.chunk.contacts[place.index]).toBe(contactId);
      most = Math.max(most, reads.count);
    }
    expect(most).toBeLessThanOrEqual(Math.ceil(Math.log2(pages)) + 2);
  });

  it('finds nothing for a contact of the shard the campaign did not take', async () => {
    const { chunks } = shardOf(audience, 50);
    for (const contactId of members.filter((_, i) => i % 2 === 1))
      expect(await findRecipient(chunks, WS, CAMPAIGN, contactId)).toBeUndefined();
  });

  it('looks only in the contact’s own shard', async () => {
    const { chunks, reads } = shardOf(audience, 50);
    const elsewhere = idsOfShard(4, 1)[0] ?? '';
    expect(await findRecipient(chunks, WS, CAMPAIGN, elsewhere)).toBeUndefined();
    expect(reads.count).toBe(1);
  });
});
