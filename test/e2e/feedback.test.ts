/**
 * The feedback loop wired as deployed, on the local stack: SES events put on the **default** bus (as
 * SES publishes them) reach the ses-feedback function through its rule and queue, and their effects
 * show through the API; the outbox announces them on the ecrm bus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusEvent } from '../../infra/local/local-eventbridge.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { newMessageId } from '../../lib/email/message.schema.ts';
import type { MessageTags } from '../../lib/email/message-tags.ts';
import { type DomainEvent, isEventOf, parseDomainEvents } from '../../lib/shared/events/catalogue.ts';
import { putSentMessage } from '../support/sent-message.ts';
import {
  type SesFixture,
  sesEventSchemaParse,
  taggedSesEvent,
  taggedSesJson,
} from '../support/ses-events.ts';
import { type Client, client, ecrmCli, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;

beforeAll(async () => {
  stack = await startStack();
  ws = await workspaceWithKeys(stack);
  api = client(stack, ws.admin);
});
afterAll(() => stack?.stop());

/** The `email.engaged` events on the ecrm bus, out of their packs. */
const engagedEvents = (): DomainEvent<'email.engaged'>[] =>
  stack.bus.events
    .filter((e) => e.source === 'ecrm' && e['detail-type'] === 'email.engaged')
    .flatMap((e) => parseDomainEvents(e['detail-type'], e.detail))
    .filter((e) => isEventOf('email.engaged', e));

const sentTo = async (email: string, originId = 'cmp_e2e'): Promise<MessageTags> => {
  const made = await api.post('/v1/contacts', { email });
  const tags: MessageTags = {
    workspaceId: ws.id,
    contactId: String(field(made.body, 'contact', 'id')),
    messageId: newMessageId(new Date()),
    kind: 'marketing',
    origin: 'campaign',
    originId,
  };
  await putSentMessage(stack.table, tags);
  return tags;
};

/** Publish as SES does: to the account's default bus, source aws.ses, the event record as detail. */
const publish = (name: SesFixture, tags: MessageTags) => {
  const event = sesEventJson(taggedSesJson(name, tags));
  // Twice: EventBridge and SQS deliver at least once.
  stack.bus.putServiceEvent(event, 'default');
  stack.bus.putServiceEvent({ ...event, id: `${event.id}-again` }, 'default');
};

/** The fixture's JSON as the bus types it (an EventBridge event). */
const sesEventJson = (json: Record<string, unknown>): BusEvent => sesEventSchemaParse(json);

describe('SES feedback on the local stack', () => {
  it('a complaint on the default bus suppresses the contact, once, and shows on its timeline and stats', async () => {
    const tags = await sentTo('angry@example.com');
    publish('complaint', tags);
    await stack.idle();

    const contact = await api.get(`/v1/contacts/${tags.contactId}`);
    expect(field(contact.body, 'suppression', 'reason')).toBe('complained');
    expect(field(contact.body, 'consent', 'email', 'status')).toBe('unsubscribed');
    const timeline = await api.get(`/v1/contacts/${tags.contactId}/timeline`);
    const message = JSON.stringify(timeline.body);
    expect(message).toContain('"status":"complained"');
    expect(message).not.toContain('"seen"');
    expect(message).toContain('"name":"contact.suppressed"');
    const stats = await api.get('/v1/email-stats/campaign/cmp_e2e');
    expect(field(stats.body, 'counts', 'complained')).toBe(1);

    const announced = stack.bus.events.filter(
      (e) => e.source === 'ecrm' && JSON.stringify(e.detail).includes(tags.contactId),
    );
    expect(announced.filter((e) => e['detail-type'] === 'contact.suppressed')).toHaveLength(1);
    expect(engagedEvents().filter((e) => e.data.contactId === tags.contactId)).toHaveLength(1);
  });

  it('clicks count once per link per message: the timeline lists each link, the stats count messages per link', async () => {
    const shop = 'https://shop.example/spring';
    const blog = 'https://shop.example/blog';
    const clickOn = (tags: MessageTags, link: string) => {
      const event = taggedSesEvent('click', tags);
      if (event.detail.eventType !== 'Click') throw new Error('not a click');
      const clicked = { ...event, detail: { ...event.detail, click: { ...event.detail.click, link } } };
      // Twice: EventBridge and SQS deliver at least once.
      stack.bus.putServiceEvent(clicked, 'default');
      stack.bus.putServiceEvent({ ...clicked, id: `${event.id}-again` }, 'default');
    };
    const one = await sentTo('clicker@example.com', 'cmp_links');
    const two = await sentTo('clicker2@example.com', 'cmp_links');
    clickOn(one, shop);
    clickOn(one, blog);
    clickOn(one, shop);
    clickOn(two, shop);
    await stack.idle();

    const timeline = JSON.stringify((await api.get(`/v1/contacts/${one.contactId}/timeline`)).body);
    expect(timeline).toContain(`"clicks":{`);
    expect(timeline).toContain(`"${shop}":1`);
    expect(timeline).toContain(`"${blog}":1`);
    const stats = await api.get('/v1/email-stats/campaign/cmp_links');
    expect(field(stats.body, 'counts', 'clicked')).toBe(2);
    expect(field(stats.body, 'links')).toEqual([
      { link: shop, clicked: 2 },
      { link: blog, clicked: 1 },
    ]);
    const engaged = engagedEvents().filter((e) => e.data.messageId === one.messageId);
    expect(engaged.map((e) => e.data.link).sort()).toEqual([blog, shop]);
  });

  it('mail without ecrm tags never reaches the queue', async () => {
    const json = taggedSesJson('delivery', await sentTo('other@example.com'));
    // The send's own consequences settle first (outgoing webhooks queue the contact's events).
    await stack.idle();
    const before = stack.queues.invocations;
    const event = sesEventJson(json);
    stack.bus.putServiceEvent(
      { ...event, detail: { ...event.detail, mail: { ...sesEventSchemaParse(json).detail.mail, tags: {} } } },
      'default',
    );
    await stack.idle();
    expect(stack.queues.invocations).toBe(before);
  });

  it('reports the sending status and resumes idempotently', async () => {
    const status = await api.get('/v1/workspace/sending');
    expect(status.status).toBe(200);
    expect(field(status.body, 'status')).toBe('active');
    expect(field(status.body, 'thresholds', 'bounceRate')).toBe(0.04);
    const resumed = await api.post('/v1/workspace/sending/resume', {});
    expect(field(resumed.body, 'status')).toBe('active');
    expect((await client(stack, ws.read).post('/v1/workspace/sending/resume', {})).status).toBe(403);
  });

  it("the CLI shows the sending status, resumes, and reads an origin's counts", async () => {
    expect(field(await ecrmCli(stack, ws.admin, 'sending', 'status'), 'status')).toBe('active');
    expect(field(await ecrmCli(stack, ws.admin, 'sending', 'resume'), 'status')).toBe('active');
    const stats = await ecrmCli(
      stack,
      ws.read,
      'sending',
      'stats',
      '--origin',
      'campaign',
      '--id',
      'cmp_e2e',
    );
    expect(field(stats, 'counts', 'complained')).toBe(1);
  });
});
