/**
 * A contact's campaign emails read from the campaigns' launches and chunks (DynamoDB Local): the launch
 * is recorded once, with the launch itself; a recipient's email shows with the template and subject
 * of its variant, a refusal with why, and nothing for a recipient not settled yet or a contact the
 * campaign did not take.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AbTest } from '../../lib/campaigns/ab-test.schema.ts';
import { type Campaign, newCampaignId } from '../../lib/campaigns/campaign.schema.ts';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import { launchesRepository } from '../../lib/campaigns/launches.repository.ts';
import { campaignToSendReader } from '../../lib/campaigns/send/campaign-to-send.reader.ts';
import { CHUNK_SIZE } from '../../lib/campaigns/send/chunk.schema.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { campaignSendsOn } from '../../lib/campaigns/timeline-sends.ts';
import { UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { newId } from '../../lib/shared/ids.ts';
import { contactShardOf, keys } from '../../lib/shared/keys.ts';
import { realTable } from './real-deps.ts';

const table = realTable();
const campaigns = campaignsRepository(table);
const chunks = chunksRepository(table);
const deps = {
  launches: launchesRepository(table),
  campaign: campaignToSendReader(table),
  chunks,
};
const REF = { templateId: 'newsletter', version: 2 };
const STARTED = '2026-11-30T09:00:00.000Z';

let ws: string;
beforeAll(() => {
  ws = newId('ws');
});

/** Contact ids of one shard, ascending. */
const idsOfShard = (shard: number, count: number): string[] => {
  const out: string[] = [];
  while (out.length < count) {
    const id = newId('c');
    if (contactShardOf(id) === shard) out.push(id);
  }
  return out.sort();
};

const draft = (id: string, abTest?: AbTest): Campaign => ({
  type: 'campaign',
  v: 1,
  id,
  workspaceId: ws,
  name: 'Winter',
  status: 'draft',
  template: REF,
  audience: { segments: { include: ['sg_0123456789abcdefghjkmnpqrs'], exclude: [] } },
  ...(abTest ? { abTest } : {}),
  createdAt: STARTED,
  updatedAt: STARTED,
  rev: 1,
});

/** Launch a stored draft the way the lifecycle does: one conditional replace. */
const launch = async (campaign: Campaign, startedAt = STARTED) => {
  const sending: Campaign = { ...campaign, status: 'sending', startedAt, rev: campaign.rev + 1 };
  await campaigns.replace(sending, { status: campaign.status, rev: campaign.rev }, undefined);
  return sending;
};

const settle = async (campaignId: string, shard: number, page: number, states: string[], reasons = {}) =>
  table.client.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.campaignChunk(ws, campaignId, shard, page),
      UpdateExpression: 'SET states = :s, reasons = :r',
      ExpressionAttributeValues: { ':s': states, ':r': reasons },
    }),
  );

describe('campaign emails on a contact’s timeline', () => {
  it('records a launch once, with the launch, and not when a paused campaign resumes', async () => {
    const id = newCampaignId(new Date(STARTED));
    await campaigns.create(draft(id));
    const sending = await launch(await campaigns.get(ws, id).then((c) => c ?? draft(id)));
    const paused: Campaign = { ...sending, status: 'paused', rev: sending.rev + 1 };
    await campaigns.replace(paused, { status: 'sending', rev: sending.rev }, undefined);
    await campaigns.replace({ ...paused, status: 'sending', rev: paused.rev + 1 }, paused, undefined);
    expect(await deps.launches.between(ws, undefined, undefined)).toEqual([
      { campaignId: id, startedAt: STARTED },
    ]);
    expect(await deps.launches.between(ws, STARTED, STARTED)).toHaveLength(1);
    expect(await deps.launches.between(ws, '2026-11-30T09:00:00.001Z', undefined)).toEqual([]);
    expect(await deps.launches.between(ws, undefined, '2026-11-30T08:59:59.999Z')).toEqual([]);
  });

  it('shows each recipient its variant’s email, a refusal with why, and nothing unsettled or not taken', async () => {
    const id = newCampaignId(new Date(STARTED));
    const abTest: AbTest = {
      variants: [{}, { subject: 'Subject B' }, { template: { templateId: 'other', version: 4 } }],
      testShare: 10,
      metric: 'clickRate',
      decideAfterMinutes: 240,
    };
    await campaigns.create(draft(id, abTest));
    const stored = await campaigns.get(ws, id);
    if (!stored) throw new Error('the campaign was not stored');
    await launch(stored, '2026-11-30T10:00:00.000Z');

    // Shard 5: three pages of recipients; their neighbours in the shard are not in the audience.
    const shard = 5;
    const all = idsOfShard(shard, 2 * (2 * CHUNK_SIZE + 10));
    const audience = all.filter((_, i) => i % 2 === 0);
    const pages = [
      audience.slice(0, CHUNK_SIZE),
      audience.slice(CHUNK_SIZE, 2 * CHUNK_SIZE),
      audience.slice(2 * CHUNK_SIZE),
    ];
    for (const [page, contacts] of pages.entries()) {
      const waves = contacts.map((_, i) => (page === 1 && i < 3 ? 0 : 1));
      const variants = contacts.map((_, i) => i % 3);
      await chunks.create({ workspaceId: ws, campaignId: id, shard, page }, contacts, waves, variants);
    }
    // Page 1: positions 0–2 sent in the test wave (variants 0, 1, 2), 3 refused, 4 failed, the rest pending.
    const states = (pages[1] ?? []).map((_, i) => ['s', 's', 's', 'r', 'f'][i] ?? 'p');
    await settle(id, shard, 1, states, { '3': 'unsubscribed', '4': 'ses-rejected' });

    const on = (contactId: string | undefined) =>
      campaignSendsOn(ws, contactId ?? '', { from: '2026-11-30T00:00:00.000Z' }, deps);
    const [a, b, c, refused, failed, pending] = pages[1] ?? [];
    expect((await on(a)).map((e) => e.email)).toEqual([
      expect.objectContaining({
        originId: id,
        templateId: 'newsletter',
        version: 2,
        variant: 0,
        status: 'sent',
      }),
    ]);
    expect((await on(b))[0]?.email).toMatchObject({ variant: 1, subject: 'Subject B', status: 'sent' });
    expect((await on(c))[0]?.email).toMatchObject({ variant: 2, templateId: 'other', version: 4 });
    expect((await on(refused))[0]?.email).toMatchObject({ status: 'refused', reason: 'unsubscribed' });
    expect((await on(failed))[0]?.email).toMatchObject({ status: 'failed', reason: 'ses-rejected' });
    expect(await on(pending)).toEqual([]);
    expect(await on(all[1])).toEqual([]);
    expect(await on(idsOfShard(6, 1)[0])).toEqual([]);
    const [entry] = await on(a);
    expect(entry).toMatchObject({ kind: 'email', occurredAt: '2026-11-30T10:00:00.000Z' });
    expect(entry?.eventId).toBe(entry?.email?.messageId);
    // Outside the span asked for, the campaign is not looked at.
    expect(await campaignSendsOn(ws, a ?? '', { until: '2026-11-30T09:59:59.999Z' }, deps)).toEqual([]);
  });
});
