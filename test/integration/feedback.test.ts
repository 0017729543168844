/**
 * The SES feedback loop against DynamoDB Local: the documented SES events, tagged as ecrm tags its
 * mail, drive suppression, message status, engagement (segments and scoring read it), counters and
 * the workspace's rates; every event sent twice at once applies once.
 */

import { describe, expect, it } from 'vitest';
import { campaignClaims } from '../../lib/campaigns/send/campaign-claims.ts';
import { campaignMessageId } from '../../lib/campaigns/send/campaign-message-id.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { clickSeenKey } from '../../lib/email/feedback/feedback.ts';
import { applyFeedbackBatch, type BatchItem } from '../../lib/email/feedback/feedback-batch.ts';
import { recordUnsubscribe } from '../../lib/email/feedback/record-unsubscribe.ts';
import { SENDING_THRESHOLDS } from '../../lib/email/feedback/sending-health.ts';
import { sendingStateRepository } from '../../lib/email/feedback/sending-state.repository.ts';
import { pausePort, resumeSending, sendingStatus } from '../../lib/email/feedback/sending-status.ts';
import { campaignTouchesRepository } from '../../lib/email/history/campaign-touches.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import { messageKey, newMessageId } from '../../lib/email/message.schema.ts';
import { MAX_TRACKED_LINKS } from '../../lib/email/message-clicks.ts';
import type { MessageTags } from '../../lib/email/message-tags.ts';
import { messagesRepository } from '../../lib/email/messages.repository.ts';
import { timelineEntryRecord } from '../../lib/events/timeline.schema.ts';
import { scoreContact } from '../../lib/scoring/score-contact.ts';
import { SCORE_INPUTS } from '../../lib/scoring/score-inputs.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { applyContactChange } from '../../lib/segments/apply-contact-change.ts';
import { createSegment } from '../../lib/segments/manage-segments.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { GetCommand } from '../../lib/shared/dynamodb/commands.ts';
import { type DomainEvent, parseDomainEvent } from '../../lib/shared/events/catalogue.ts';
import { meaningOf } from '../../lib/shared/events/meanings.ts';
import { domainEvent, outboxRecord } from '../../lib/shared/events/outbox.ts';
import { newId } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import { readItem } from '../../lib/shared/table.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { timerService } from '../../lib/timers/timers.ts';
import { putSentMessage } from '../support/sent-message.ts';
import {
  rawSesFixture,
  type SesFixture,
  sesEventSchemaParse,
  taggedSesEvent,
} from '../support/ses-events.ts';
import { newWorkspace, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-11-01T10:00:00.000Z');
const base = realDeps(clock);
const deps = {
  ...base,
  messages: messagesRepository(base.table),
  campaignClaims: campaignClaims(chunksRepository(base.table)),
  retentionDays: async () => 30,
  counters: countersRepository(base.table),
  sending: sendingStateRepository(base.table),
};

/** A contact with marketing consent and one message ecrm sent it (as the send path leaves it). */
const sentMessage = async (ws: string, origin: Partial<MessageTags> = {}) => {
  const { contact } = await upsertContact(
    ws,
    upsertContactBody.parse({ email: `p${Math.random().toString(36).slice(2)}@example.com` }),
    'api',
    deps,
  );
  const messageId = newMessageId(clock.now());
  const tags: MessageTags = {
    workspaceId: ws,
    contactId: contact.id,
    messageId,
    kind: 'marketing',
    origin: 'campaign',
    originId: 'cmp_spring',
    ...origin,
  };
  await putSentMessage(deps.table, tags);
  return tags;
};

const rawItem = async (key: { pk: string; sk: string }) =>
  (
    await deps.table.client.send(
      new GetCommand({ TableName: deps.table.name, Key: key, ConsistentRead: true }),
    )
  ).Item;

const messageOf = async (t: MessageTags) => {
  const item = await rawItem(messageKey(t.workspaceId, t.contactId, t.messageId));
  return readItem(timelineEntryRecord, item, 'message').email;
};

const outboxOf = (item: Record<string, unknown> | undefined): DomainEvent | undefined => {
  const record = outboxRecord.safeParse(item?._ev);
  return record.success ? parseDomainEvent(record.data.type, record.data.detail) : undefined;
};

let ids = 0;
const item = (name: SesFixture, t: MessageTags, at?: Date): BatchItem => ({
  id: `q-${++ids}`,
  event: taggedSesEvent(name, t, at),
});

/** The same event delivered twice at once, in two invocations, as SQS and EventBridge may do. */
const twiceAtOnce = (name: SesFixture, t: MessageTags, at?: Date) => {
  const one = item(name, t, at);
  return Promise.all([
    applyFeedbackBatch([one], deps),
    applyFeedbackBatch([{ ...one, id: `q-${++ids}` }], deps),
  ]);
};

/** A campaign chunk of `n` new contacts, with their claim store and each one's claimed message. */
const chunkOf = async (ws: string, n: number, at: { shard: number; page: number }) => {
  const chunks = chunksRepository(base.table);
  const campaignId = newId('cmp');
  const contacts = Array.from({ length: n }, () => newId('c'));
  const ref = { workspaceId: ws, campaignId, ...at };
  await chunks.create(ref, contacts);
  const launched = new Date();
  const ids = contacts.map((c) => campaignMessageId(campaignId, launched, c));
  const store = chunks.claims(ref, new Map(ids.map((id, i) => [id, i])));
  const claim = (i: number) => ({
    contactId: contacts[i] ?? '',
    message: {
      messageId: ids[i] ?? '',
      kind: 'marketing' as const,
      origin: 'campaign' as const,
      templateId: 'newsletter',
      version: 1,
      status: 'claimed' as const,
      seen: [],
      at: {},
    },
  });
  return { chunks, campaignId, contacts, ref, ids, store, claim };
};

describe('bounces and complaints', () => {
  it('a permanent bounce suppresses the contact once, marks the message bounced and announces both', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const results = await twiceAtOnce('bounce-permanent', t);
    expect(results.map((r) => r.outcomes.values().next().value?.status).sort()).toEqual([
      'applied',
      'duplicate',
    ]);

    const contact = await deps.contacts.get(ws, t.contactId);
    expect(contact?.suppression).toEqual({ reason: 'bounced', at: '2017-08-05T00:41:02.669Z' });
    const contactItem = await rawItem(keys.contact(ws, t.contactId));
    expect(outboxOf(contactItem)).toMatchObject({
      type: 'contact.suppressed',
      data: { contactId: t.contactId, reason: 'bounced', messageId: t.messageId },
    });
    const message = await messageOf(t);
    expect(message).toMatchObject({ status: 'bounced', seen: ['Bounce:Permanent'] });
    expect(message?.reason).toContain('5.1.1 user unknown');
    expect(message?.at.bounced).toBe('2017-08-05T00:41:02.669Z');
    const messageItem = await rawItem(messageKey(ws, t.contactId, t.messageId));
    expect(outboxOf(messageItem)).toMatchObject({ type: 'email.engaged', data: { kind: 'bounced' } });
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({ bounced: 1 });
  });

  it('a complaint suppresses as complained (never as a bounce) and withdraws marketing consent', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    await twiceAtOnce('complaint', t);
    const contact = await deps.contacts.get(ws, t.contactId);
    expect(contact?.suppression?.reason).toBe('complained');
    expect(contact?.consent.email).toEqual({
      status: 'unsubscribed',
      source: 'complaint',
      at: '2017-08-05T00:41:02.669Z',
    });
    expect(await messageOf(t)).toMatchObject({ status: 'complained', seen: ['Complaint'] });
    const counts = await deps.counters.originTotals(ws, 'campaign', 'cmp_spring');
    expect(counts).toMatchObject({ complained: 1, bounced: 0 });
  });

  it('a complaint after a bounce keeps the bounce as the reason but still withdraws consent', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    await applyFeedbackBatch([item('bounce-permanent', t)], deps);
    await applyFeedbackBatch([item('complaint', t)], deps);
    const contact = await deps.contacts.get(ws, t.contactId);
    expect(contact?.suppression?.reason).toBe('bounced');
    expect(contact?.consent.email?.status).toBe('unsubscribed');
  });

  it('a transient bounce is counted on the message, once, and never suppresses', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    await twiceAtOnce('bounce-transient', t);
    expect((await deps.contacts.get(ws, t.contactId))?.suppression).toBeUndefined();
    expect(await messageOf(t)).toMatchObject({
      status: 'claimed',
      softBounces: 1,
      seen: ['Bounce:Transient'],
    });
    // A permanent bounce after it still suppresses: the bounce type is part of the idempotence key.
    await applyFeedbackBatch([item('bounce-permanent', t)], deps);
    expect((await deps.contacts.get(ws, t.contactId))?.suppression?.reason).toBe('bounced');
  });

  it('suppresses even when the message entry is gone, without counting', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const stranger = { ...t, messageId: newMessageId(new Date('2026-10-01T00:00:00Z')) };
    const [result] = await twiceAtOnce('bounce-permanent', stranger);
    expect(result?.outcomes.values().next().value).toMatchObject({ status: 'applied', message: false });
    expect((await deps.contacts.get(ws, t.contactId))?.suppression?.reason).toBe('bounced');
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({ bounced: 0 });
  });
});

describe('deliveries, opens and clicks', () => {
  it('move the message forward (in any arrival order), each counted once per message', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    // The open arrives before the delivery; the click twice.
    await twiceAtOnce('open', t, new Date('2026-11-01T10:05:00Z'));
    await twiceAtOnce('delivery', t, new Date('2026-11-01T10:01:00Z'));
    await twiceAtOnce('click', t, new Date('2026-11-01T10:06:00Z'));
    const message = await messageOf(t);
    expect(message?.status).toBe('clicked');
    expect(message?.at).toMatchObject({
      delivered: '2026-11-01T10:01:00.000Z',
      opened: '2026-11-01T10:05:00.000Z',
      clicked: '2026-11-01T10:06:00.000Z',
    });
    expect(message?.clicks).toEqual({
      'http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html': 1,
    });
    expect([...(message?.seen ?? [])].sort()).toEqual([
      clickSeenKey('http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html'),
      'Delivery',
      'Open',
    ]);
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toEqual({
      sent: 0,
      delivered: 1,
      opened: 1,
      clicked: 1,
      bounced: 0,
      softBounced: 0,
      complained: 0,
      failed: 0,
      unsubscribed: 0,
    });
  });

  it("SES's Send event makes the message sent with SES's id, once, before or after its delivery", async () => {
    const ws = await newWorkspace(deps);
    const first = await sentMessage(ws);
    const late = await sentMessage(ws);
    const sesId = 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000';
    await twiceAtOnce('send', first, new Date('2026-11-01T10:00:01Z'));
    expect(await messageOf(first)).toMatchObject({ status: 'sent', sesMessageId: sesId, seen: ['Send'] });
    await twiceAtOnce('delivery', first, new Date('2026-11-01T10:00:02Z'));
    // The delivery overtakes the Send event: the status stays delivered, the id and the time are kept.
    await twiceAtOnce('delivery', late, new Date('2026-11-01T10:00:02Z'));
    await twiceAtOnce('send', late, new Date('2026-11-01T10:00:01Z'));
    for (const t of [first, late]) {
      const message = await messageOf(t);
      expect(message).toMatchObject({ status: 'delivered', sesMessageId: sesId });
      expect(message?.at.sent).toBeDefined();
      expect(message?.at.delivered).toBe('2026-11-01T10:00:02.000Z');
    }
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({
      sent: 2,
      delivered: 2,
    });
  });

  it('the Send event settles a send whose SES call ended without an answer', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    await deps.messages.noteUnknown(ws, t.contactId, t.messageId, 'outcome unknown: socket hang up');
    expect(await messageOf(t)).toMatchObject({
      status: 'claimed',
      reason: 'outcome unknown: socket hang up',
    });
    await applyFeedbackBatch([item('send', t)], deps);
    const message = await messageOf(t);
    expect(message?.status).toBe('sent');
    expect(message?.reason).toBeUndefined();
  });

  it("the Send event of an SES call's witness settles every recipient of its chunk left in flight, and only those", async () => {
    const ws = await newWorkspace(deps);
    const { chunks, campaignId, contacts, ref, ids, store, claim } = await chunkOf(ws, 4, {
      shard: 3,
      page: 2,
    });
    // 0..2 in one call: 0 unknown (answer lost), 1 still claimed (crash), 2 the witness; 3 never claimed.
    await store.record(ws, [claim(0), claim(1), claim(2)], 30);
    await store.settle(ws, [
      { contactId: contacts[0] ?? '', messageId: ids[0] ?? '', outcome: 'unknown', reason: 'socket hang up' },
    ]);
    const witness: MessageTags = {
      workspaceId: ws,
      contactId: contacts[2] ?? '',
      messageId: ids[2] ?? '',
      kind: 'marketing',
      origin: 'campaign',
      originId: campaignId,
      chunk: '3-2-w',
    };
    const result = await applyFeedbackBatch([item('send', witness), item('send', witness)], deps);
    expect(result.failed).toEqual([]);
    expect((await chunks.get(ref))?.states).toEqual(['s', 's', 's', 'p']);
  });

  it('the Send event of a campaign email settles its recipient in the chunk, and writes no message entry', async () => {
    const ws = await newWorkspace(deps);
    const { chunks, campaignId, contacts, ref, ids, store, claim } = await chunkOf(ws, 3, {
      shard: 4,
      page: 9,
    });
    await store.record(ws, [claim(0), claim(1), claim(2)], 30);
    // 0: the call's answer was lost; 1: the send crashed before settling (still claimed); 2: settled sent.
    await store.settle(ws, [
      { contactId: contacts[0] ?? '', messageId: ids[0] ?? '', outcome: 'unknown', reason: 'socket hang up' },
      { contactId: contacts[2] ?? '', messageId: ids[2] ?? '', outcome: 'sent', sesMessageId: 'ses-2' },
    ]);
    const tagsOf = (i: number): MessageTags => ({
      workspaceId: ws,
      contactId: contacts[i] ?? '',
      messageId: ids[i] ?? '',
      kind: 'marketing',
      origin: 'campaign',
      originId: campaignId,
      chunk: '4-9',
    });

    const result = await applyFeedbackBatch(
      [
        item('send', tagsOf(0)),
        item('send', tagsOf(1)),
        item('send', tagsOf(2)),
        item('delivery', tagsOf(2)),
      ],
      deps,
    );

    expect(result.failed).toEqual([]);
    expect((await chunks.get(ref))?.states).toEqual(['s', 's', 's']);
    for (const i of [0, 1, 2])
      expect(await rawItem(messageKey(ws, contacts[i] ?? '', ids[i] ?? ''))).toBeUndefined();
    // Counted in the chunk, not in the origin's counters (which would count it a second time).
    expect(await deps.counters.originTotals(ws, 'campaign', campaignId)).toMatchObject({
      sent: 0,
      delivered: 0,
    });
  });

  it('the first feedback of a campaign email writes its message entry, once, and later feedback updates it', async () => {
    const ws = await newWorkspace(deps);
    const campaignId = newId('cmp');
    const { contact } = await upsertContact(
      ws,
      upsertContactBody.parse({ email: `p${Math.random().toString(36).slice(2)}@example.com` }),
      'api',
      deps,
    );
    const t: MessageTags = {
      workspaceId: ws,
      contactId: contact.id,
      messageId: campaignMessageId(campaignId, new Date('2026-11-30T09:00:00Z'), contact.id),
      kind: 'marketing',
      origin: 'campaign',
      originId: campaignId,
      chunk: '2-0',
      template: 'newsletter_v3',
      variant: '1',
    };

    await twiceAtOnce('open', t);

    const key = messageKey(ws, t.contactId, t.messageId);
    const opened = await rawItem(key);
    expect(readItem(timelineEntryRecord, opened, 'message').email).toMatchObject({
      status: 'opened',
      templateId: 'newsletter',
      version: 3,
      originId: campaignId,
      variant: 1,
      seen: ['Open'],
      at: { sent: '2026-11-30T09:00:00.000Z' },
    });
    expect(outboxOf(opened)).toMatchObject({
      type: 'email.engaged',
      data: { kind: 'opened', contactId: contact.id },
    });
    expect(opened?.ttl).toEqual(expect.any(Number));
    await twiceAtOnce('click', t);
    expect(await messageOf(t)).toMatchObject({
      status: 'clicked',
      seen: ['Open', expect.stringMatching(/^Click#/)],
    });
    expect(await deps.counters.originTotals(ws, 'campaign', campaignId)).toMatchObject({
      opened: 1,
      clicked: 1,
    });
    // Attribution finds the email with its A/B variant: an order counts for the variant too.
    const touched = await campaignTouchesRepository(base.table).touched(
      ws,
      contact.id,
      '2026-11-30T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
    );
    expect(touched).toEqual([
      expect.objectContaining({ campaignId, messageId: t.messageId, variant: 1, opened: expect.any(String) }),
    ]);
  });

  it('reject and rendering failure mark the message failed with the reason', async () => {
    const ws = await newWorkspace(deps);
    const rejected = await sentMessage(ws);
    const unrendered = await sentMessage(ws);
    await twiceAtOnce('reject', rejected);
    await twiceAtOnce('rendering-failure', unrendered);
    expect(await messageOf(rejected)).toMatchObject({
      status: 'failed',
      reason: 'rejected by SES: Bad content',
    });
    expect((await messageOf(unrendered))?.reason).toContain('rendering failed');
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({ failed: 2 });
  });

  it('ignores the mail of other applications of the account (no ecrm tags)', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const untagged = sesEventSchemaParse(rawSesFixture('bounce-permanent'));
    const result = await applyFeedbackBatch([{ id: 'x', event: untagged }], deps);
    expect(result.outcomes.get('x')?.status).toBe('ignored');
    expect((await deps.contacts.get(ws, t.contactId))?.suppression).toBeUndefined();
  });

  it('engagement reaches segments and lead scoring', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const timers = timerService({ timers: timersRepository(deps.table), clock });
    const segmentDeps = { ...deps, segments: segmentsRepository(deps.table), timers };
    const openers = await createSegment(
      ws,
      {
        name: 'Opened the spring campaign',
        kind: 'dynamic',
        condition: { type: 'engagement', kind: 'opened', op: 'did', campaignId: 'cmp_spring' },
      },
      segmentDeps,
    );
    await applyFeedbackBatch([item('delivery', t, new Date('2026-11-01T10:01:00Z'))], deps);
    await applyFeedbackBatch([item('open', t, new Date('2026-11-01T10:05:00Z'))], deps);
    const engaged = outboxOf(await rawItem(messageKey(ws, t.contactId, t.messageId)));
    expect(engaged).toMatchObject({
      type: 'email.engaged',
      data: { kind: 'opened', contactId: t.contactId },
    });
    if (!engaged) throw new Error('no email.engaged');

    await applyContactChange(engaged, segmentDeps);
    expect(await segmentDeps.segments.memberOf(ws, t.contactId, [openers.id])).toEqual(new Set([openers.id]));

    const models = scoringModelsRepository(deps.table);
    await models.put(
      ws,
      { engagement: [{ id: 'opens', event: 'email.opened', points: 3 }] },
      clock.now().toISOString(),
    );
    const scored = meaningOf(SCORE_INPUTS, engaged);
    if (!scored) throw new Error('scoring does not read email.engaged');
    const scoringDeps = { ...deps, models, timers };
    expect(await scoreContact(ws, scored.contactId, scored.input, scoringDeps)).toBe('scored');
    expect(await scoreContact(ws, scored.contactId, scored.input, scoringDeps)).toBe('duplicate');
    expect((await deps.contacts.get(ws, t.contactId))?.score?.score).toBe(3);
  });
});

/** A click on this link (the documented Click event, its link replaced). */
const clickOn = (t: MessageTags, link: string, at: Date): BatchItem => {
  const event = taggedSesEvent('click', t, at);
  if (event.detail.eventType !== 'Click') throw new Error('not a click');
  return {
    id: `q-${++ids}`,
    event: { ...event, detail: { ...event.detail, click: { ...event.detail.click, link } } },
  };
};

const engagedLinks = (outcomes: Awaited<ReturnType<typeof applyFeedbackBatch>>[]) =>
  outcomes.flatMap((r) => [...r.outcomes.values()]).filter((o) => o.status === 'applied');

describe('clicks, per link', () => {
  const shop = 'https://shop.example/spring?utm_source=ecrm';
  const blog = 'https://shop.example/blog/new-roasts';

  it('two different links are both recorded; the status and the message count move on the first only', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const first = await applyFeedbackBatch([clickOn(t, shop, new Date('2026-11-01T10:06:00Z'))], deps);
    const firstEvent = outboxOf(await rawItem(messageKey(ws, t.contactId, t.messageId)));
    const second = await applyFeedbackBatch([clickOn(t, blog, new Date('2026-11-01T10:09:00Z'))], deps);
    const secondEvent = outboxOf(await rawItem(messageKey(ws, t.contactId, t.messageId)));

    const message = await messageOf(t);
    expect(message?.clicks).toEqual({ [shop]: 1, [blog]: 1 });
    expect(message?.status).toBe('clicked');
    expect(message?.at.clicked).toBe('2026-11-01T10:06:00.000Z');
    expect(message?.seen).toEqual(expect.arrayContaining([clickSeenKey(shop), clickSeenKey(blog)]));
    // Each link's first click is announced, with its link.
    expect(firstEvent).toMatchObject({ type: 'email.engaged', data: { kind: 'clicked', link: shop } });
    expect(secondEvent).toMatchObject({ type: 'email.engaged', data: { kind: 'clicked', link: blog } });
    expect(engagedLinks([first, second])).toHaveLength(2);
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({ clicked: 1 });

    // Another message of the campaign clicked on the shop link: two messages per link for it.
    const other = await sentMessage(ws);
    await applyFeedbackBatch([clickOn(other, shop, new Date('2026-11-01T10:07:00Z'))], deps);
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({ clicked: 2 });
    expect(await deps.counters.originLinks(ws, 'campaign', 'cmp_spring')).toEqual([
      { link: shop, clicked: 2 },
      { link: blog, clicked: 1 },
    ]);
  });

  it('the same link twice, and the same event redelivered in parallel, count once', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const once = clickOn(t, shop, new Date('2026-11-01T10:06:00Z'));
    const results = await Promise.all([
      applyFeedbackBatch([once], deps),
      applyFeedbackBatch([{ ...once, id: `q-${++ids}` }], deps),
      applyFeedbackBatch([{ ...once, id: `q-${++ids}` }], deps),
    ]);
    // A later click on the same link (another SES event) is a duplicate too.
    const again = await applyFeedbackBatch([clickOn(t, shop, new Date('2026-11-01T10:30:00Z'))], deps);
    expect(engagedLinks([...results, again])).toHaveLength(1);
    expect([...again.outcomes.values()][0]?.status).toBe('duplicate');
    const message = await messageOf(t);
    expect(message?.clicks).toEqual({ [shop]: 1 });
    expect(message?.at.clicked).toBe('2026-11-01T10:06:00.000Z');
    expect(message?.seen.filter((k) => k.startsWith('Click'))).toEqual([clickSeenKey(shop)]);
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({ clicked: 1 });
    expect(await deps.counters.originLinks(ws, 'campaign', 'cmp_spring')).toEqual([
      { link: shop, clicked: 1 },
    ]);
  });

  it('different links clicked at once are all recorded (the racing first clicks converge)', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const links = Array.from({ length: 5 }, (_, i) => `https://shop.example/p/${i}`);
    const results = await Promise.all(
      links.map((link, i) =>
        applyFeedbackBatch([clickOn(t, link, new Date(Date.UTC(2026, 10, 1, 10, 10 + i)))], deps),
      ),
    );
    expect(results.every((r) => r.failed.length === 0)).toBe(true);
    expect(engagedLinks(results)).toHaveLength(5);
    const message = await messageOf(t);
    expect(Object.keys(message?.clicks ?? {}).sort()).toEqual(links);
    expect(message?.status).toBe('clicked');
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({ clicked: 1 });
  });

  it(`tracks at most ${MAX_TRACKED_LINKS} links per message; a further link changes nothing`, async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const at = new Date('2026-11-01T10:06:00Z');
    for (let i = 0; i < MAX_TRACKED_LINKS; i++)
      await applyFeedbackBatch([clickOn(t, `https://shop.example/p/${i}`, at)], deps);
    const over = await applyFeedbackBatch([clickOn(t, 'https://shop.example/one-more', at)], deps);
    expect([...over.outcomes.values()][0]?.status).toBe('ignored');
    const message = await messageOf(t);
    expect(Object.keys(message?.clicks ?? {})).toHaveLength(MAX_TRACKED_LINKS);
    expect(message?.clicks?.['https://shop.example/one-more']).toBeUndefined();
    expect(message?.seen.length).toBe(MAX_TRACKED_LINKS);
  });
});

describe('unsubscribes through a message', () => {
  it('mark the message unsubscribed and count it on its origin, once', async () => {
    const ws = await newWorkspace(deps);
    const t = await sentMessage(ws);
    const event = domainEvent(
      'contact.consent.changed',
      ws,
      {
        contactId: t.contactId,
        channel: 'email',
        status: 'unsubscribed',
        source: 'one-click',
        messageId: t.messageId,
      },
      clock,
    );
    expect(await Promise.all([recordUnsubscribe(event, deps), recordUnsubscribe(event, deps)])).toEqual(
      expect.arrayContaining(['recorded', 'duplicate']),
    );
    expect(await messageOf(t)).toMatchObject({ status: 'unsubscribed', seen: ['Unsubscribe'] });
    expect(await deps.counters.originTotals(ws, 'campaign', 'cmp_spring')).toMatchObject({ unsubscribed: 1 });
    const withoutMessage = domainEvent(
      'contact.consent.changed',
      ws,
      { contactId: t.contactId, channel: 'email', status: 'unsubscribed', source: 'api' },
      clock,
    );
    expect(await recordUnsubscribe(withoutMessage, deps)).toBe('ignored');
  });
});

describe('rates and pausing', () => {
  it('pauses marketing once the bounce rate nears SES review, answers the send path, and resumes by hand', async () => {
    const ws = await newWorkspace(deps);
    const thresholds = { ...SENDING_THRESHOLDS, minimumVolume: 20 };
    const withThresholds = { ...deps, thresholds };
    const at = new Date('2026-11-01T09:30:00Z');
    const delivered = await Promise.all(Array.from({ length: 19 }, () => sentMessage(ws)));
    await applyFeedbackBatch(
      delivered.map((t) => item('delivery', t, at)),
      withThresholds,
    );
    expect((await sendingStatus(ws, withThresholds)).status).toBe('active');

    const bounced = await sentMessage(ws);
    const results = await Promise.all([
      applyFeedbackBatch([item('bounce-permanent', bounced, at)], withThresholds),
      applyFeedbackBatch([item('bounce-permanent', bounced, at)], withThresholds),
    ]);
    expect(results.flatMap((r) => r.paused)).toEqual([
      { workspaceId: ws, reason: expect.stringContaining('bounce rate 5.00% over 20 messages') },
    ]);
    const status = await sendingStatus(ws, withThresholds);
    expect(status).toMatchObject({
      status: 'paused',
      by: 'rates',
      rates: { volume: 20, delivered: 19, bounced: 1, bounceRate: 0.05 },
    });
    expect(outboxOf(await rawItem(keys.sendingState(ws)))).toMatchObject({
      type: 'workspace.sending.paused',
      data: { by: 'rates', volume: 20 },
    });
    expect(await pausePort(deps.sending).marketingPausedFor(ws)).toContain('bounce rate 5.00%');

    clock.set('2026-11-01T11:00:00.000Z');
    const resumed = await resumeSending(ws, 'key:k_ops', withThresholds);
    expect(resumed).toMatchObject({ status: 'active', resumedAt: '2026-11-01T11:00:00.000Z' });
    expect(resumed.rates.volume).toBe(0);
    expect(await pausePort(deps.sending).marketingPausedFor(ws)).toBeUndefined();

    // A check that read the state before the resume (its rates counted the old window) pauses nothing.
    const stale = await deps.sending.pause(
      ws,
      { type: 'sendingState', v: 1, status: 'paused', reason: 'stale', by: 'rates' },
      domainEvent(
        'workspace.sending.paused',
        ws,
        { reason: 'stale', by: 'rates', bounceRate: 0.05, complaintRate: 0, volume: 20 },
        clock,
      ),
      undefined,
    );
    expect(stale).toBe(false);
    expect(await pausePort(deps.sending).marketingPausedFor(ws)).toBeUndefined();
    clock.set('2026-11-01T10:00:00.000Z');
  });
});
