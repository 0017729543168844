/**
 * A/B tests of campaigns against DynamoDB Local and the local SES: the test wave of a chunk sends each
 * recipient its variant (subject, tag), the rest waits for the winner and then gets it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { awsEndpoint } from '../../functions/shared/aws-endpoint.ts';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import { AB_DECIDE_TASK, abDecideTimer, decideAbTest, WAVE_TASK } from '../../lib/campaigns/ab-decide.ts';
import type { AbTest } from '../../lib/campaigns/ab-test.schema.ts';
import type { AbTestToSend } from '../../lib/campaigns/ab-test.ts';
import { type Campaign, newCampaignId } from '../../lib/campaigns/campaign.schema.ts';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import { conversionsRepository } from '../../lib/campaigns/results/conversions.repository.ts';
import type { ChunkRef } from '../../lib/campaigns/send/chunk.schema.ts';
import { type ChunksRepository, chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { type CampaignToSend, sendChunk } from '../../lib/campaigns/send/send-chunk.ts';
import { waveTimerId } from '../../lib/campaigns/send/timer-ids.ts';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import type { MessageTags } from '../../lib/email/message-tags.ts';
import { variantOriginId } from '../../lib/email/message-tags.ts';
import { frequencyCapsRepository } from '../../lib/email/send/frequency-caps.repository.ts';
import type { Mailer } from '../../lib/email/send/ports.ts';
import { contactReader, workspaceReader } from '../../lib/email/send/readers.ts';
import type { SendDeps } from '../../lib/email/send/send-batch.ts';
import { sesBulkMailer } from '../../lib/email/send/ses-mailer.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { fixedClock, systemClock } from '../../lib/shared/clock.ts';
import { UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { newId } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import { runTask, type TaskDeps } from '../../lib/timers/tasks.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { timerService } from '../../lib/timers/timers.ts';
import {
  fakePauses,
  fakeSenders,
  fakeSubscriptions,
  fakeTemplate,
  fakeTemplates,
  memoryHalt,
  noLimits,
} from '../support/email-fakes.ts';
import { type LocalServices, useLocalServices } from '../support/env.ts';
import { emailWorkspace, storePeople } from './email-workspace.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let services: LocalServices;
let real: RealDeps;
let chunks: ChunksRepository;
const REF = { templateId: 'newsletter', version: 1 };
const OTHER = { templateId: 'newsletter-b', version: 4 };
const LAUNCH = new Date('2026-11-30T09:00:00.000Z');

beforeAll(() => {
  services = useLocalServices();
  real = realDeps();
  chunks = chunksRepository(real.table);
});

const OPTIONS = {
  deliver: { attempts: 2, baseDelayMs: 1, random: () => 0, sleep: async () => {} },
  lastAttempt: false,
};

/** The local SES, with the tags of every email handed to it kept by recipient address. */
const recordingMailer = (tagsTo: Map<string, MessageTags>): Mailer => {
  const ses = sesBulkMailer(new SesClient(awsEndpoint('ses', 'SESV2', 'email'), { maxAttempts: 1 }), {
    configurationSet: 'ecrm-local',
  });
  return {
    async send(batch) {
      for (const e of batch.emails) tagsTo.set(e.to, e.tags);
      return ses.send(batch);
    },
  };
};

const sendDeps = (ws: string, tagsTo: Map<string, MessageTags>): Omit<SendDeps, 'messages'> => ({
  workspaces: workspaceReader(real.workspaces),
  contacts: contactReader(real.contacts),
  templates: fakeTemplates([fakeTemplate(REF, 'marketing'), fakeTemplate(OTHER, 'marketing')]),
  subscriptions: fakeSubscriptions(),
  senders: fakeSenders({ ok: true, from: `"Shop" <news@${ws.replaceAll('_', '-')}.example>` }),
  pauses: fakePauses(),
  mailer: recordingMailer(tagsTo),
  halt: memoryHalt(),
  limits: noLimits,
  caps: frequencyCapsRepository(real.table),
  clock: systemClock,
  onHalt: () => {},
});

describe('sending a chunk of an A/B test campaign', () => {
  it('sends the test wave by variant, holds the rest until the winner is known, then sends it the winner', async () => {
    const ws = await emailWorkspace(real);
    const people = await storePeople(real, ws, 7);
    const ids = people.map((p) => p.id);
    const ref: ChunkRef = { workspaceId: ws, campaignId: newId('cmp'), shard: 2, page: 0 };
    // Test wave: people 0–3 (variants 0, 1, 2, 1); the rest: people 4–6.
    await chunks.create(ref, ids, [0, 0, 0, 0, 1, 1, 1], [0, 1, 2, 1, 0, 0, 0]);
    const abTest: { current: AbTestToSend } = {
      current: {
        variants: [
          { template: REF },
          { template: REF, subject: 'Subject B' },
          { template: OTHER, subject: 'Subject C' },
        ],
      },
    };
    const campaign = (): CampaignToSend => ({
      status: 'sending',
      template: REF,
      startedAt: LAUNCH.toISOString(),
      abTest: abTest.current,
    });
    const tagsTo = new Map<string, MessageTags>();
    const deps = { campaign: async () => campaign(), chunks, send: sendDeps(ws, tagsTo) };

    const test = await sendChunk({ ...ref, wave: 0 }, deps, OPTIONS);
    expect(test.status).toBe('sent');
    expect((await chunks.get(ref))?.states).toEqual(['s', 's', 's', 's', 'p', 'p', 'p']);
    const subjectOf = async (p: Contact | undefined) => {
      const [email, ...more] = await readStoredEmails(services.sesEndpoint, { to: p?.email ?? '' });
      expect(more).toEqual([]);
      return email?.subject;
    };
    expect(await Promise.all(people.slice(0, 4).map(subjectOf))).toEqual([
      'Hello Ana',
      'Subject B',
      'Subject C',
      'Subject B',
    ]);
    expect(people.slice(0, 4).map((p) => tagsTo.get(p.email ?? '')?.variant)).toEqual(['0', '1', '2', '1']);
    expect(tagsTo.get(people[2]?.email ?? '')?.template).toBe('newsletter-b_v4');

    // No winner yet: the rest stays pending, nothing sent.
    expect(await sendChunk({ ...ref, wave: 1 }, deps, OPTIONS)).toEqual({
      status: 'idle',
      why: 'the A/B test has no winner yet',
    });
    expect((await chunks.get(ref))?.states.slice(4)).toEqual(['p', 'p', 'p']);

    abTest.current = { ...abTest.current, winner: 2 };
    const rest = await sendChunk({ ...ref, wave: 1 }, deps, OPTIONS);
    expect(rest.status).toBe('sent');
    expect((await chunks.get(ref))?.states).toEqual(ids.map(() => 's'));
    expect(await Promise.all(people.slice(4).map(subjectOf))).toEqual([
      'Subject C',
      'Subject C',
      'Subject C',
    ]);
    // The rest's email is the winner's, not counted as the variant's test.
    expect(tagsTo.get(people[4]?.email ?? '')?.variant).toBeUndefined();
    expect(tagsTo.get(people[4]?.email ?? '')?.template).toBe('newsletter-b_v4');
    // Delivered again, the test wave sends nothing more.
    expect((await sendChunk({ ...ref, wave: 0 }, deps, OPTIONS)).status).toBe('idle');
  });

  it('stores no variants on the chunk of a campaign without a test', async () => {
    const ref: ChunkRef = {
      workspaceId: await newWorkspace(real),
      campaignId: newId('cmp'),
      shard: 0,
      page: 0,
    };
    await chunks.create(ref, ['c_1', 'c_2']);
    const chunk = await chunks.get(ref);
    expect(chunk && 'variants' in chunk).toBe(false);
  });
});

describe('deciding an A/B test', () => {
  const clock = fixedClock('2026-11-30T13:00:00.000Z');
  const STARTED = '2026-11-30T09:00:00.000Z';

  /** A sending campaign with a 3-variant test, its test wave sent as `sent[v]` recipients per variant. */
  const launched = async (abTest: Omit<AbTest, 'variants'>, sent: readonly number[]) => {
    const ws = await newWorkspace(real);
    const id = newCampaignId(new Date(STARTED));
    const campaign: Campaign = {
      type: 'campaign',
      v: 1,
      id,
      workspaceId: ws,
      name: 'A/B',
      status: 'sending',
      template: REF,
      audience: { segments: { include: ['sg_0123456789abcdefghjkmnpqrs'], exclude: [] } },
      abTest: { ...abTest, variants: [{}, { subject: 'B' }, { subject: 'C' }] },
      startedAt: STARTED,
      createdAt: STARTED,
      updatedAt: STARTED,
      rev: 3,
    };
    await campaignsRepository(real.table).create(campaign);
    const variants = sent.flatMap((n, v) => Array.from({ length: n }, () => v));
    const ref: ChunkRef = { workspaceId: ws, campaignId: id, shard: 5, page: 0 };
    await chunks.create(
      ref,
      variants.map((_, i) => `c_${i}`),
      variants.map(() => 0),
      variants,
    );
    await real.table.client.send(
      new UpdateCommand({
        TableName: real.table.name,
        Key: keys.campaignChunk(ws, id, 5, 0),
        UpdateExpression: 'SET states = :s',
        ExpressionAttributeValues: { ':s': variants.map(() => 's') },
      }),
    );
    return { ws, campaign };
  };

  const counters = () => countersRepository(real.table);
  const timerItems = () => timersRepository(real.table);
  const decideDeps = () => ({
    campaigns: campaignsRepository(real.table),
    chunks,
    counters: counters(),
    conversions: conversionsRepository(real.table),
    timers: timerService({ timers: timerItems(), clock }),
    clock,
  });

  it('picks the best rate once under two parallel deliveries, and sets the wave of the rest', async () => {
    const { ws, campaign } = await launched(
      { testShare: 30, metric: 'clickRate', decideAfterMinutes: 240 },
      [10, 8, 10],
    );
    // Clicks: 2 of 10, 3 of 8 (the best rate), 3 of 10 (the most clicks but not the best rate).
    const add = (v: number, opened: number, clicked: number) =>
      counters().addToOrigin(ws, 'campaign', variantOriginId(campaign.id, v), { opened, clicked });
    await Promise.all([add(0, 5, 2), add(1, 4, 3), add(2, 9, 3)]);
    let writes = 0;
    const deps = decideDeps();
    const counting = {
      ...deps,
      campaigns: {
        get: deps.campaigns.get,
        setAbWinner: async (...args: Parameters<typeof deps.campaigns.setAbWinner>) => {
          const won = await deps.campaigns.setAbWinner(...args);
          if (won) writes++;
          return won;
        },
      },
    };

    const outcomes = await Promise.all([
      decideAbTest(ws, { campaignId: campaign.id }, counting),
      decideAbTest(ws, { campaignId: campaign.id }, counting),
    ]);

    expect(writes).toBe(1);
    expect(outcomes.filter((o) => o.startsWith('variant 1 won by clickRate'))).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'decided before: variant 1')).toHaveLength(1);
    const stored = await campaignsRepository(real.table).get(ws, campaign.id);
    expect(stored?.abTest).toMatchObject({
      winner: 1,
      decidedAt: clock.now().toISOString(),
      decidedBy: 'clickRate',
    });
    expect(stored?.rev).toBe(campaign.rev + 1);
    expect(stored?.status).toBe('sending');
    const wave = await timerItems().get(keys.timer(ws, WAVE_TASK, waveTimerId(campaign.id, 1)).pk);
    expect(wave).toMatchObject({
      due: clock.now().toISOString(),
      input: { campaignId: campaign.id, wave: 1 },
    });

    // Later feedback changes nothing: decided is decided.
    await add(2, 0, 9);
    expect(await decideAbTest(ws, { campaignId: campaign.id }, decideDeps())).toBe(
      'decided before: variant 1',
    );
    expect((await campaignsRepository(real.table).get(ws, campaign.id))?.abTest?.winner).toBe(1);
  });

  it('decides a revenue test by revenue per email sent in the currency with the most conversions', async () => {
    const { ws, campaign } = await launched(
      { testShare: 10, metric: 'revenue', decideAfterMinutes: 60 },
      [4, 4, 2],
    );
    // Variant 1 has the clicks; variant 2 the most EUR per email sent; variant 0 one big USD order.
    await counters().addToOrigin(ws, 'campaign', variantOriginId(campaign.id, 1), { clicked: 3 });
    const conversions = conversionsRepository(real.table);
    const order = (n: number, variant: number, currency: string, amount: number) =>
      conversions.attribute(ws, 'conn_1', `o_${n}`, {
        campaignId: campaign.id,
        messageId: `m_${n}`,
        variant,
        touch: 'clicked',
        touchedAt: STARTED,
        placedAt: STARTED,
        currency,
        amount,
      });
    await Promise.all([
      order(1, 0, 'USD', 90_000),
      order(2, 1, 'EUR', 5_000),
      order(3, 1, 'EUR', 1_000),
      order(4, 2, 'EUR', 4_000),
    ]);
    const outcome = await decideAbTest(ws, { campaignId: campaign.id }, decideDeps());
    // EUR per email sent: variant 1 6000/4 = 1500, variant 2 4000/2 = 2000.
    expect(outcome).toBe(
      'variant 2 won by revenue in EUR (0: 0.0000 of 4, 1: 1500.0000 of 4, 2: 2000.0000 of 2)',
    );
    expect((await campaignsRepository(real.table).get(ws, campaign.id))?.abTest).toMatchObject({
      winner: 2,
      decidedBy: 'revenue',
    });
    const { byVariant, total } = await conversions.revenueByVariant(ws, campaign.id);
    expect(byVariant.get(1)).toEqual([{ currency: 'EUR', conversions: 2, revenue: 6_000, refunded: 0 }]);
    expect(total.map((r) => [r.currency, r.conversions])).toEqual([
      ['USD', 1],
      ['EUR', 3],
    ]);
  });

  it('runs as the campaign-ab-decide timer task; a revenue test without conversions is decided by click rate', async () => {
    const { ws, campaign } = await launched(
      { testShare: 10, metric: 'revenue', decideAfterMinutes: 60 },
      [4, 4, 4],
    );
    await counters().addToOrigin(ws, 'campaign', variantOriginId(campaign.id, 2), { clicked: 1 });
    const timer = abDecideTimer(campaign, new Date(STARTED));
    expect(timer).toEqual({
      task: AB_DECIDE_TASK,
      timerId: campaign.id,
      due: new Date('2026-11-30T10:00:00.000Z'),
      input: { campaignId: campaign.id },
    });
    const unused = () => {
      throw new Error('not this capability');
    };
    const run = runTask({
      checkout: unused,
      membership: unused,
      scoring: unused,
      campaigns: unused,
      abTests: decideDeps,
      campaignSend: unused,
      journeys: unused,
      outgoingWebhooks: unused,
    } satisfies TaskDeps);
    expect(await run(ws, AB_DECIDE_TASK, timer?.input)).toMatch(/^variant 2 won by clickRate/);
    expect((await campaignsRepository(real.table).get(ws, campaign.id))?.abTest).toMatchObject({
      winner: 2,
      decidedBy: 'clickRate',
    });
  });

  it('decides nothing for a cancelled campaign', async () => {
    const { ws, campaign } = await launched(
      { testShare: 10, metric: 'openRate', decideAfterMinutes: 60 },
      [1, 1, 1],
    );
    await campaignsRepository(real.table).replace(
      { ...campaign, status: 'cancelled', rev: campaign.rev + 1 },
      { status: 'sending', rev: campaign.rev },
      undefined,
    );
    expect(await decideAbTest(ws, { campaignId: campaign.id }, decideDeps())).toBe(
      'not decided: the campaign is cancelled',
    );
    expect((await campaignsRepository(real.table).get(ws, campaign.id))?.abTest?.winner).toBeUndefined();
  });
});
