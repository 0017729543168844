/**
 * A campaign's audience snapshot from segment memberships in DynamoDB Local: the members of the
 * included segments, once each, without the excluded ones, over all 16 shards, even when the whole
 * snapshot runs twice at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { segmentAudience } from '../../lib/campaigns/send/audience-pages.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { snapshotShard } from '../../lib/campaigns/send/snapshot.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { newId } from '../../lib/shared/ids.ts';
import { MEMBERSHIP_SHARDS } from '../../lib/shared/keys.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let real: RealDeps;

beforeAll(() => {
  real = realDeps();
});

describe('the audience snapshot of a segment campaign', () => {
  it('holds every member of an included segment once, and no member of an excluded one', async () => {
    const ws = await newWorkspace(real);
    const segments = segmentsRepository(real.table);
    const chunks = chunksRepository(real.table);
    const people = Array.from({ length: 120 }, () => newId('c'));
    const [a, b, c] = ['seg_a', 'seg_b', 'seg_c'];
    const join = (segment: string, members: readonly string[]) =>
      Promise.all(members.map((id) => segments.enter(ws, segment, id, 1, systemClock)));
    await join(a ?? '', people.slice(0, 70));
    await join(b ?? '', people.slice(50, 120));
    await join(c ?? '', [...people.slice(10, 20), ...people.slice(60, 63), ...people.slice(100, 105)]);
    const excluded = new Set(await segments.membersAmong(ws, c ?? '', people));
    const expected = people.filter((p) => !excluded.has(p)).sort();

    const campaign = { workspaceId: ws, campaignId: newId('cmp') };
    const audience = segmentAudience(
      { workspaceId: ws, include: [a ?? '', b ?? ''], exclude: [c ?? ''] },
      segments,
    );
    const run = () =>
      Promise.all(
        Array.from({ length: MEMBERSHIP_SHARDS }, (_, shard) =>
          snapshotShard(campaign, shard, { chunks, audience, waves: async (ids) => ids.map(() => 0) }),
        ),
      );
    const [first, second] = await Promise.all([run(), run()]);
    expect(first).toEqual(second);

    const stored: string[] = [];
    for (let shard = 0; shard < MEMBERSHIP_SHARDS; shard++)
      for await (const chunk of chunks.list(ws, campaign.campaignId, shard)) stored.push(...chunk.contacts);
    expect(stored.length).toBe(expected.length);
    expect([...stored].sort()).toEqual(expected);
  });
});
