/** Campaigns on DynamoDB Local: references, edits, the state machine's writes, launch timers, idempotency. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateCampaignInput } from '../../lib/campaigns/campaign.schema.ts';
import {
  cancelCampaign,
  failCampaign,
  finishCampaign,
  LAUNCH_TASK,
  launchTimerId,
  pauseCampaign,
  resumeCampaign,
  scheduleCampaign,
  startCampaign,
  unscheduleCampaign,
} from '../../lib/campaigns/campaign-lifecycle.ts';
import { CampaignStatusError } from '../../lib/campaigns/campaign-transitions.ts';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import type { CampaignDeps } from '../../lib/campaigns/deps.ts';
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from '../../lib/campaigns/manage-campaigns.ts';
import { createSegment } from '../../lib/segments/manage-segments.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { senderDomainsRepository } from '../../lib/senders/sender-domains.repository.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { GetCommand } from '../../lib/shared/dynamodb/commands.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import { IdempotencyKeyReusedError, idempotentRequestsRepository } from '../../lib/shared/idempotency.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import type { TemplateRecord, TemplateVersionRecord } from '../../lib/templates/template.schema.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { runTask, type TaskDeps } from '../../lib/timers/tasks.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { timerService } from '../../lib/timers/timers.ts';
import { emailSettingsSchema } from '../../lib/workspaces/email-settings.schema.ts';
import { newWorkspace, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-06-01T12:00:00.000Z');
const base = realDeps(clock);
const campaigns = campaignsRepository(base.table);
const timerItems = timersRepository(base.table);
const templates = templatesRepository(base.table);
const deps: CampaignDeps = {
  campaigns,
  requests: idempotentRequestsRepository(base.table),
  references: {
    segments: segmentsRepository(base.table),
    templates,
    workspaces: base.workspaces,
    senderDomains: senderDomainsRepository(base.table),
  },
  timers: timerService({ timers: timerItems, clock }),
  clock,
};

let ws: string;
let include: string;
let exclude: string;

const saveTemplate = async (
  workspaceId: string,
  id: string,
  kind: 'marketing' | 'transactional',
  versions = 1,
) => {
  for (let version = 1; version <= versions; version++) {
    const at = clock.now().toISOString();
    const head: TemplateRecord = {
      type: 'template',
      v: 1,
      workspaceId,
      id,
      name: id,
      kind,
      latestVersion: version,
      locales: ['en'],
      createdAt: at,
      updatedAt: at,
    };
    const record: TemplateVersionRecord = {
      type: 'templateVersion',
      v: 1,
      workspaceId,
      templateId: id,
      version,
      name: id,
      kind,
      locales: {},
      createdAt: at,
    };
    expect(await templates.saveVersion(head, record, version === 1 ? undefined : version - 1)).toBe(true);
  }
};

const body = (extra: Partial<CreateCampaignInput> = {}): CreateCampaignInput => ({
  name: 'Winter sale',
  template: { templateId: 'news' },
  audience: { segments: { include: [include], exclude: [exclude] } },
  ...extra,
});

/** The raw stored item: its outbox event and rev, which the API never shows. */
const stored = async (campaignId: string) => {
  const { Item } = await base.table.client.send(
    new GetCommand({ TableName: base.table.name, Key: keys.campaign(ws, campaignId), ConsistentRead: true }),
  );
  return Item;
};
const outboxType = async (campaignId: string) => {
  const ev: unknown = (await stored(campaignId))?._ev;
  return ev && typeof ev === 'object' && 'type' in ev ? ev.type : undefined;
};

const launchTimer = (campaignId: string, sendAt: string) =>
  timerItems.get(keys.timer(ws, LAUNCH_TASK, launchTimerId(campaignId, sendAt)).pk);

beforeAll(async () => {
  ws = await newWorkspace(base);
  const segmentDeps = { ...base, segments: segmentsRepository(base.table) };
  include = (await createSegment(ws, { name: 'Buyers', kind: 'static' }, segmentDeps)).id;
  exclude = (await createSegment(ws, { name: 'Unhappy', kind: 'static' }, segmentDeps)).id;
  await saveTemplate(ws, 'news', 'marketing', 2);
  await saveTemplate(ws, 'receipt', 'transactional');
  await base.workspaces.setEmailSettings(
    ws,
    emailSettingsSchema.parse({ topics: [{ id: 'offers', names: { en: 'Offers' } }] }),
  );
  await senderDomainsRepository(base.table).create({
    type: 'senderDomain',
    v: 1,
    workspaceId: ws,
    domain: 'brand.example',
    fromLocalPart: 'news',
    displayName: 'Brand',
    mailFromDomain: 'mail.brand.example',
    dkimTokens: [],
    createdAt: clock.now().toISOString(),
    updatedAt: clock.now().toISOString(),
  });
});

describe('campaigns on DynamoDB Local', () => {
  it('creates a draft only when everything it names exists, and names each field that does not', async () => {
    const missing = `sg_${'0'.repeat(26)}`;
    const error = await createCampaign(
      ws,
      body({
        template: { templateId: 'news', version: 9 },
        audience: { segments: { include: [include, missing], exclude: [] } },
        topic: 'nope',
        senderDomain: 'other.example',
      }),
      undefined,
      deps,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error instanceof ValidationError && error.issues.map((i) => i.path)).toEqual([
      'audience.segments.include[1]',
      'template.version',
      'topic',
      'senderDomain',
    ]);
    await expect(
      createCampaign(ws, body({ template: { templateId: 'receipt' } }), undefined, deps),
    ).rejects.toThrow('a transactional template; a campaign sends a marketing one');
    await expect(
      createCampaign(ws, body({ template: { templateId: 'gone' } }), undefined, deps),
    ).rejects.toThrow('no template gone');

    const { campaign } = await createCampaign(
      ws,
      body({
        topic: 'offers',
        senderDomain: 'brand.example',
        utm: { source: 'ecrm', medium: 'email', campaign: 'w' },
      }),
      undefined,
      deps,
    );
    expect(campaign).toMatchObject({
      status: 'draft',
      rev: 1,
      topic: 'offers',
      template: { templateId: 'news' },
    });
    expect(await getCampaign(ws, campaign.id, deps)).toEqual(campaign);
  });

  it('edits a draft (null clears a field), refuses edits once sending, deletes only drafts', async () => {
    const { campaign } = await createCampaign(ws, body({ topic: 'offers' }), undefined, deps);
    const edited = await updateCampaign(ws, campaign.id, { name: 'Renamed', topic: null }, deps);
    expect(edited).toMatchObject({ name: 'Renamed', rev: 2 });
    expect(edited.topic).toBeUndefined();
    await expect(updateCampaign(ws, campaign.id, { topic: 'nope' }, deps)).rejects.toThrow(ValidationError);

    await startCampaign(ws, campaign.id, undefined, deps);
    await expect(updateCampaign(ws, campaign.id, { name: 'Late' }, deps)).rejects.toThrow(
      'cannot edit a campaign that is sending',
    );
    await expect(deleteCampaign(ws, campaign.id, deps)).rejects.toThrow(
      'cannot delete a campaign that is sending',
    );

    const draft = (await createCampaign(ws, body(), undefined, deps)).campaign;
    await deleteCampaign(ws, draft.id, deps);
    expect(await campaigns.get(ws, draft.id)).toBeUndefined();
  });

  it('lists newest first, page by page, and by status', async () => {
    const other = await newWorkspace(base);
    const otherDeps = { ...deps };
    await saveTemplate(other, 'news', 'marketing');
    const condition = { condition: { type: 'tag' as const, op: 'has' as const, value: 'vip' } };
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      made.push(
        (await createCampaign(other, { ...body(), name: `c${i}`, audience: condition }, undefined, otherDeps))
          .campaign.id,
      );
    }
    await startCampaign(other, made[1] ?? '', undefined, otherDeps);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCampaigns(other, { limit: 2, cursor }, deps);
      expect(page.campaigns.length).toBeLessThanOrEqual(2);
      seen.push(...page.campaigns.map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    expect(
      (await listCampaigns(other, { limit: 10, status: 'sending' }, deps)).campaigns.map((c) => c.id),
    ).toEqual([made[1]]);
    expect((await listCampaigns(other, { limit: 1, status: 'draft' }, deps)).next).toBeDefined();
  });

  it('schedules with a launch timer at sendAt, pins the template version; a reschedule moves to a new timer, unscheduling drops it', async () => {
    const { campaign } = await createCampaign(ws, body(), undefined, deps);
    const first = await scheduleCampaign(
      ws,
      campaign.id,
      { type: 'at', at: '2026-12-01T09:00', timeZone: 'Europe/Paris' },
      deps,
    );
    expect(first).toMatchObject({
      status: 'scheduled',
      sendAt: '2026-12-01T08:00:00.000Z',
      template: { version: 2 },
    });
    expect((await launchTimer(campaign.id, '2026-12-01T08:00:00.000Z'))?.input).toEqual({
      campaignId: campaign.id,
      sendAt: '2026-12-01T08:00:00.000Z',
    });

    const moved = await scheduleCampaign(
      ws,
      campaign.id,
      { type: 'recipientLocal', date: '2026-12-02', time: '09:00' },
      deps,
    );
    expect(moved.sendAt).toBe('2026-12-01T19:00:00.000Z');
    expect(await launchTimer(campaign.id, '2026-12-01T08:00:00.000Z')).toBeUndefined();
    expect(await launchTimer(campaign.id, '2026-12-01T19:00:00.000Z')).toBeDefined();

    const draft = await unscheduleCampaign(ws, campaign.id, deps);
    expect(draft.status).toBe('draft');
    expect(draft.sendAt).toBeUndefined();
    expect(await launchTimer(campaign.id, '2026-12-01T19:00:00.000Z')).toBeUndefined();

    await expect(
      scheduleCampaign(ws, campaign.id, { type: 'at', at: '2026-05-01T09:00', timeZone: 'UTC' }, deps),
    ).rejects.toThrow('has passed');
  });

  it('a launch timer fired twice launches once; the timer of a time it was rescheduled from launches nothing', async () => {
    const { campaign } = await createCampaign(ws, body(), undefined, deps);
    await scheduleCampaign(ws, campaign.id, { type: 'at', at: '2026-12-01T09:00', timeZone: 'UTC' }, deps);
    await scheduleCampaign(ws, campaign.id, { type: 'at', at: '2026-12-02T09:00', timeZone: 'UTC' }, deps);
    const unused = () => {
      throw new Error('not this capability');
    };
    const run = runTask({
      checkout: unused,
      membership: unused,
      scoring: unused,
      campaigns: () => ({ campaigns, clock }),
      abTests: unused,
      campaignSend: unused,
      journeys: unused,
      outgoingWebhooks: unused,
    } satisfies TaskDeps);

    const stale = await run(ws, LAUNCH_TASK, { campaignId: campaign.id, sendAt: '2026-12-01T09:00:00.000Z' });
    expect(stale).toContain('not launched');
    expect((await campaigns.get(ws, campaign.id))?.status).toBe('scheduled');

    clock.set('2026-12-02T09:00:05.000Z');
    try {
      const input = { campaignId: campaign.id, sendAt: '2026-12-02T09:00:00.000Z' };
      expect(await run(ws, LAUNCH_TASK, input)).toBe(`launched ${campaign.id}`);
      const launched = await stored(campaign.id);
      expect(await run(ws, LAUNCH_TASK, input)).toContain('not launched: the campaign is sending');
      // The second delivery wrote nothing: same rev, same outbox event.
      expect(await stored(campaign.id)).toEqual(launched);
      expect(launched).toMatchObject({ status: 'sending', startedAt: '2026-12-02T09:00:05.000Z', rev: 4 });
      expect(await outboxType(campaign.id)).toBe('campaign.launched');
    } finally {
      clock.set('2026-06-01T12:00:00.000Z');
    }
  });

  it('pause, resume and cancel each write their event; a cancelled campaign is final', async () => {
    const { campaign } = await createCampaign(ws, body(), undefined, deps);
    await expect(pauseCampaign(ws, campaign.id, deps)).rejects.toThrow(CampaignStatusError);
    await startCampaign(ws, campaign.id, undefined, deps);
    expect(await outboxType(campaign.id)).toBe('campaign.launched');
    expect(await pauseCampaign(ws, campaign.id, deps)).toMatchObject({
      status: 'paused',
      pausedReason: 'paused by hand',
    });
    expect(await outboxType(campaign.id)).toBe('campaign.paused');
    const resumed = await resumeCampaign(ws, campaign.id, deps);
    expect(resumed.status).toBe('sending');
    expect(resumed.pausedReason).toBeUndefined();
    expect(await outboxType(campaign.id)).toBe('campaign.resumed');
    expect(await cancelCampaign(ws, campaign.id, deps)).toMatchObject({
      status: 'cancelled',
      finishedAt: expect.any(String),
    });
    expect(await outboxType(campaign.id)).toBe('campaign.cancelled');
    await expect(resumeCampaign(ws, campaign.id, deps)).rejects.toThrow(
      'cannot resume a campaign that is cancelled',
    );
  });

  it('the send pipeline finishes or fails a sending campaign, with no reference check or timer (its own deps)', async () => {
    const pipeline = { campaigns, clock };
    const done = (await createCampaign(ws, body(), undefined, deps)).campaign;
    await expect(finishCampaign(ws, done.id, pipeline)).rejects.toThrow(
      'cannot finish a campaign that is draft',
    );
    await startCampaign(ws, done.id, undefined, deps);
    expect(await finishCampaign(ws, done.id, pipeline)).toMatchObject({
      status: 'sent',
      finishedAt: expect.any(String),
    });
    await expect(cancelCampaign(ws, done.id, deps)).rejects.toThrow('cannot cancel a campaign that is sent');

    const broken = (await createCampaign(ws, body(), undefined, deps)).campaign;
    await startCampaign(ws, broken.id, undefined, deps);
    expect(await pauseCampaign(ws, broken.id, pipeline, 'daily quota reached')).toMatchObject({
      status: 'paused',
      pausedReason: 'daily quota reached',
    });
    await resumeCampaign(ws, broken.id, pipeline);
    expect(await failCampaign(ws, broken.id, 'the template is gone', pipeline)).toMatchObject({
      status: 'failed',
      failedReason: 'the template is gone',
    });
  });

  it('two parallel creates with one Idempotency-Key make one campaign and answer it to both; another body is refused', async () => {
    const key = `create-${randomToken(8)}`;
    const name = `Once ${randomToken(4)}`;
    const [a, b] = await Promise.all([
      createCampaign(ws, body({ name }), key, deps),
      createCampaign(ws, body({ name }), key, deps),
    ]);
    expect(a.campaign).toEqual(b.campaign);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const all = await listCampaigns(ws, { limit: 100 }, deps);
    expect(all.campaigns.filter((c) => c.name === name)).toHaveLength(1);
    // A later retry is answered the same; the key with another body is a conflict.
    expect((await createCampaign(ws, body({ name }), key, deps)).campaign.id).toBe(a.campaign.id);
    await expect(createCampaign(ws, body({ name: 'Other' }), key, deps)).rejects.toThrow(
      IdempotencyKeyReusedError,
    );
  });

  it('two parallel starts: without a key one starts and the other is a 409; with one key both get the sending campaign', async () => {
    const plain = (await createCampaign(ws, body(), undefined, deps)).campaign;
    const results = await Promise.allSettled([
      startCampaign(ws, plain.id, undefined, deps),
      startCampaign(ws, plain.id, undefined, deps),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(CampaignStatusError);
    expect((await stored(plain.id))?.rev).toBe(2);

    const keyed = (await createCampaign(ws, body(), undefined, deps)).campaign;
    const key = `start-${randomToken(8)}`;
    const [a, b] = await Promise.all([
      startCampaign(ws, keyed.id, key, deps),
      startCampaign(ws, keyed.id, key, deps),
    ]);
    expect(a.campaign).toEqual(b.campaign);
    expect(a.campaign.status).toBe('sending');
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect((await stored(keyed.id))?.rev).toBe(2);
    // The same key to start another campaign is another request.
    await expect(startCampaign(ws, plain.id, key, deps)).rejects.toThrow(IdempotencyKeyReusedError);
  });

  it('a start with a key that another start with it won just after the replay check is that one’s replay', async () => {
    const { campaign } = await createCampaign(ws, body(), undefined, deps);
    const key = `start-${randomToken(8)}`;
    let raced = false;
    // The other request wins between this one's replay check and its read of the campaign.
    const late: CampaignDeps = {
      ...deps,
      campaigns: {
        ...campaigns,
        get: async (workspaceId, campaignId) => {
          if (!raced) {
            raced = true;
            await startCampaign(workspaceId, campaignId, key, deps);
          }
          return campaigns.get(workspaceId, campaignId);
        },
      },
    };
    const outcome = await startCampaign(ws, campaign.id, key, late);
    expect(outcome.replayed).toBe(true);
    expect(outcome.campaign.status).toBe('sending');
  });
});
