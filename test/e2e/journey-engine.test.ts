/**
 * The journey engine end to end on the local stack, with the local scheduler's clock moved ahead, on
 * ready-made journeys switched on with one call each: the abandoned-checkout journey from Shopify's
 * own deliveries (the nudge; the order of that checkout
 * ends the run before the reminder; without it the reminder goes; an unsubscribe in between ends the
 * run; the reminder's timer delivered three times sends one email), and a birthday journey that fires
 * at 09:00 in the contact's zone, once a year. A complaint (SES's event) and an erasure in the middle
 * of a month's wait end those contacts' runs: the month passes, and only the third contact gets the
 * second email.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { instantInZone } from '../../lib/campaigns/send-time.ts';
import { MESSAGE_TAG, readMessageTags } from '../../lib/email/message-tags.ts';
import { ScanCommand } from '../../lib/shared/dynamodb/commands.ts';
import { sesEventSchemaParse, taggedSesJson } from '../support/ses-events.ts';
import { campaignWorkspace, POSTAL } from './campaign-workspace.ts';
import { type Client, deliverShopify, ecrmCli, field, startStack, until } from './harness.ts';

let stack: LocalStack;
let api: Client;
let ws: string;
let key: string;
let ingest: string;
let shop: { workspaceId: string; connectionId: string; secret: string };
const SECRET = 'shpss_journeys_0123456789abcdef';

beforeAll(async () => {
  stack = await startStack();
  const made = await campaignWorkspace(
    stack,
    '<p>News {{ unsubscribe_url }} {{ workspace.postal_address }}</p>',
  );
  api = made.api;
  ws = made.ws.id;
  key = made.ws.read;
  ingest = made.ws.ingest;
  // The workspace's zone, where it is around noon now: the ready-made journey's quiet hours
  // (21:00-08:00) must not hold this test's emails, whenever it runs.
  const offset = 12 - new Date().getUTCHours();
  const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  const settings = {
    postalAddress: POSTAL,
    topics: [{ id: 'offers', names: { en: 'Offers' } }],
    defaultTimeZone: zone,
  };
  expect((await api.put('/v1/workspace/email-settings', settings)).status).toBe(200);
  const connection = await api.post('/v1/connections', { kind: 'shopify', name: 'Shop', secret: SECRET });
  shop = {
    workspaceId: ws,
    connectionId: String(field(connection.body, 'connection', 'id')),
    secret: SECRET,
  };
}, 120_000);

afterAll(() => stack?.stop());

const fixture = (path: string) =>
  readFileSync(new URL(`../fixtures/webhooks/shopify/${path}`, import.meta.url), 'utf8');

/** The journey's emails the local SES accepted: step and contact, from their tags. */
const journeyMails = (journeyId: string) =>
  stack.ses.messages.flatMap((m) => {
    const tags = readMessageTags(Object.fromEntries(Object.entries(m.tags).map(([k, v]) => [k, [v]])));
    return tags?.originId?.startsWith(`${journeyId}-`)
      ? [{ step: tags.originId.slice(journeyId.length + 1), contactId: tags.contactId, subject: m.subject }]
      : [];
  });

/** Switch a ready-made journey on, as a marketer would: one call. */
const readyMade = async (name: string, options: unknown = {}): Promise<string> => {
  const enabled = await api.post(`/v1/journeys/ready-made/${name}`, options);
  expect(enabled.status).toBe(201);
  expect(field(enabled.body, 'status')).toBe('live');
  return String(field(enabled.body, 'id'));
};

const contactOf = async (email: string) =>
  String(field((await api.get(`/v1/contacts/lookup?email=${encodeURIComponent(email)}`)).body, 'id'));

let clock = Date.now();
const advance = async (ms: number) => {
  clock += ms;
  await stack.scheduler.advanceTo(new Date(clock));
  await stack.idle();
};

describe('the journey engine', () => {
  it('abandoned checkout: the nudge; the order ends the run; the reminder without it; an unsubscribe ends it; a triple timer sends once', async () => {
    const journeyId = await readyMade('abandoned-checkout');
    const tag = randomBytes(3).toString('hex');
    const people = ['carol', 'dave', 'erin'].map((name, i) => ({
      name,
      email: `${name}-${tag}@mail.example.com`,
      token: `${tag}${String(i).repeat(26)}`,
    }));
    for (const p of people) {
      const checkout = fixture('checkouts/create.json')
        .replaceAll('bd5a8aa1ecd019dd3520ff791ee3a24c', p.token)
        .replaceAll('bob.norman@mail.example.com', p.email);
      expect((await deliverShopify(stack, shop, 'checkouts/create', checkout, `co-${p.token}`)).status).toBe(
        200,
      );
    }
    await stack.idle();
    expect(journeyMails(journeyId)).toEqual([]);

    // The abandonment window passes: each checkout is abandoned, each contact gets the nudge at once.
    await advance(2 * 3_600_000);
    await until(async () => journeyMails(journeyId).length === 3);
    const [carol, dave, erin] = await Promise.all(people.map((p) => contactOf(p.email)));

    // Carol orders (this checkout): her run ends on its goal. Erin unsubscribes: hers is cancelled.
    const order = fixture('orders/create.json')
      .replaceAll('bd5a8aa1ecd019dd3520ff791ee3a24c', people[0]?.token ?? '')
      .replaceAll('820982911946154508', `8209829119${Date.now() % 1_000_000}`)
      .replaceAll('bob.norman@mail.example.com', people[0]?.email ?? '');
    expect((await deliverShopify(stack, shop, 'orders/create', order, `or-${tag}`)).status).toBe(200);
    const unsubscribe = { status: 'unsubscribed', source: 'preference-center' };
    expect((await api.put(`/v1/contacts/${erin}/consent/email`, unsubscribe)).status).toBe(200);
    await stack.idle();
    const ends = stack.bus.events
      .filter(
        (e) => e['detail-type'] === 'journey.ended' && field(e.detail, 'data', 'journeyId') === journeyId,
      )
      .map((e) => [field(e.detail, 'data', 'contactId'), field(e.detail, 'data', 'ended')]);
    expect(ends).toEqual(
      expect.arrayContaining([
        [carol, 'goal'],
        [erin, 'unsubscribed'],
      ]),
    );
    expect(ends).toHaveLength(2);

    // Dave's reminder timer, delivered twice more on top of its drain's copy: one reminder.
    const { Items = [] } = await stack.table.client.send(
      new ScanCommand({
        TableName: stack.tableName,
        FilterExpression: '#type = :t AND message.#in.contactId = :c',
        ExpressionAttributeNames: { '#type': 'type', '#in': 'input' },
        ExpressionAttributeValues: { ':t': 'oneShotTimer', ':c': dave },
      }),
    );
    expect(Items).toHaveLength(1);
    await advance(24 * 3_600_000);
    const sqs = new SQSClient({
      endpoint: stack.queues.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const body = JSON.stringify(Items[0]?.message);
    await Promise.all(
      [1, 2].map(() =>
        sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.url('fire-timer'), MessageBody: body })),
      ),
    );
    await until(async () => journeyMails(journeyId).some((m) => m.step === 'reminder'));
    await stack.idle();

    const steps = (contactId: string | undefined) =>
      journeyMails(journeyId)
        .filter((m) => m.contactId === contactId)
        .map((m) => m.step);
    expect(steps(carol)).toEqual(['nudge']);
    expect(steps(dave)).toEqual(['nudge', 'reminder']);
    expect(steps(erin)).toEqual(['nudge']);

    // The report: three runs, one goal (with the order's value), one unsubscribed, one completed.
    await until(
      async () => field((await api.get(`/v1/journeys/${journeyId}/report`)).body, 'runs', 'completed') === 1,
    );
    // As an operator reads it: `ecrm journey report`.
    const report = await ecrmCli(stack, key, 'journey', 'report', '--id', journeyId);
    expect(field(report, 'runs')).toEqual({
      entered: 3,
      inProgress: 0,
      completed: 1,
      goal: 1,
      exited: 0,
      unsubscribed: 1,
      suppressed: 0,
    });
    const placed = stack.bus.events.find(
      (e) => e['detail-type'] === 'order.placed' && field(e.detail, 'data', 'contactId') === carol,
    );
    expect(field(report, 'revenue')).toEqual([
      { currency: field(placed?.detail, 'data', 'currency'), amount: field(placed?.detail, 'data', 'total') },
    ]);
    expect(field(report, 'steps', 0, 'id')).toBe('nudge');
    expect(field(report, 'steps', 1, 'emails')).toBeUndefined();
    // Per email step, SES's own events counted: three nudges, one reminder.
    await until(async () => {
      const r = (await api.get(`/v1/journeys/${journeyId}/report`)).body;
      return field(r, 'steps', 0, 'emails', 'sent') === 3 && field(r, 'steps', 2, 'emails', 'sent') === 1;
    }, 30_000);
  }, 240_000);

  it('a complaint and an erasure end a contact’s runs in the middle of a wait: nothing more is sent to them', async () => {
    // A month between two emails, from a tracked event: the wait outlasts what this file's clock passed.
    const event = `trial_started_${randomBytes(3).toString('hex')}`;
    const drip = {
      name: 'Trial drip',
      trigger: { type: 'event', event },
      steps: [
        { id: 'first', type: 'email', template: { templateId: 'welcome' }, next: 'month' },
        { id: 'month', type: 'wait', duration: { days: 30 }, next: 'second' },
        { id: 'second', type: 'email', template: { templateId: 'welcome' } },
      ],
    };
    expect((await api.post('/v1/templates/defaults', {})).status).toBe(200);
    const created = await api.post('/v1/journeys', drip);
    expect(created.status).toBe(201);
    const journeyId = String(field(created.body, 'id'));
    expect((await api.post(`/v1/journeys/${journeyId}/start`, {})).status).toBe(200);

    const people = await Promise.all(
      ['fay', 'gus', 'hal'].map(async (name) => {
        const email = `${name}-${randomBytes(3).toString('hex')}@example.com`;
        const id = String(field((await api.post('/v1/contacts', { email })).body, 'contact', 'id'));
        const consent = { status: 'subscribed', source: 'signup' };
        expect((await api.put(`/v1/contacts/${id}/consent/email`, consent)).status).toBe(200);
        return { id, email };
      }),
    );
    await stack.idle();
    const tracked = await fetch(`${stack.apiUrl}/v1/track`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        batch: people.map((p, i) => ({ id: `${event}-${i}`, name: event, email: p.email })),
      }),
    });
    expect(tracked.status).toBeLessThan(300);
    await until(async () => journeyMails(journeyId).length === 3);
    const [fay, gus, hal] = people.map((p) => p.id);

    // Fay complains about the first email (SES's own complaint event); Gus is erased.
    const [sent, ...more] = stack.ses.messagesTagged(MESSAGE_TAG.contact, fay ?? '');
    expect(more).toEqual([]);
    const tags = readMessageTags(
      Object.fromEntries(Object.entries(sent?.tags ?? {}).map(([k, v]) => [k, [v]])),
    );
    if (!tags) throw new Error('the journey email carries no ecrm tags');
    stack.bus.putServiceEvent(sesEventSchemaParse(taggedSesJson('complaint', tags)), 'default');
    expect((await api.del(`/v1/contacts/${gus}`)).status).toBe(200);
    await stack.idle();
    const ended = stack.bus.events
      .filter(
        (e) => e['detail-type'] === 'journey.ended' && field(e.detail, 'data', 'journeyId') === journeyId,
      )
      .map((e) => [field(e.detail, 'data', 'contactId'), field(e.detail, 'data', 'ended')]);
    expect(ended).toEqual([[fay, 'suppressed']]);

    // The month passes: only Hal gets the second email.
    await advance(31 * 86_400_000);
    await until(async () => journeyMails(journeyId).some((m) => m.step === 'second'));
    await stack.idle();
    expect(
      journeyMails(journeyId)
        .filter((m) => m.step === 'second')
        .map((m) => m.contactId),
    ).toEqual([hal]);
    expect(journeyMails(journeyId)).toHaveLength(4);
  }, 240_000);

  it('a birthday journey fires at 09:00 in the contact’s zone, once a year, for contacts there before it and after', async () => {
    const zone = 'America/New_York';
    const day = new Date(clock + 10 * 86_400_000);
    const birthday = `1990-${day.toISOString().slice(5, 10)}`;
    const contact = async () => {
      const created = await api.post('/v1/contacts', {
        email: `birthday-${randomBytes(3).toString('hex')}@example.com`,
        timezone: zone,
        attributes: { birthday },
      });
      const id = String(field(created.body, 'contact', 'id'));
      const consent = { status: 'subscribed', source: 'signup' };
      expect((await api.put(`/v1/contacts/${id}/consent/email`, consent)).status).toBe(200);
      return id;
    };
    // One contact was there before the journey went live (the backfill gives it its timer), one comes after.
    const before = await contact();
    await stack.idle();
    const journeyId = await readyMade('birthday');
    await stack.idle();
    const after = await contact();
    await stack.idle();

    const thisYear = instantInZone(`${day.toISOString().slice(0, 4)}-${birthday.slice(5)}`, '09:00', zone);
    const nextYear = instantInZone(
      `${Number(day.toISOString().slice(0, 4)) + 1}-${birthday.slice(5)}`,
      '09:00',
      zone,
    );
    await advance(thisYear.getTime() - 60_000 - clock);
    expect(journeyMails(journeyId)).toEqual([]);
    await advance(2 * 60_000);
    await until(async () => journeyMails(journeyId).length === 2);
    const entered = stack.bus.events.filter(
      (e) => e['detail-type'] === 'journey.entered' && field(e.detail, 'data', 'journeyId') === journeyId,
    );
    expect(entered.map((e) => field(e.detail, 'occurredAt'))).toEqual([
      thisYear.toISOString(),
      thisYear.toISOString(),
    ]);

    // A profile change in between does not make a second one; next year's comes on its day.
    expect((await api.patch(`/v1/contacts/${after}`, { firstName: 'Ana' })).status).toBe(200);
    await advance(30 * 86_400_000);
    expect(journeyMails(journeyId)).toHaveLength(2);
    await advance(nextYear.getTime() + 60_000 - clock);
    await until(async () => journeyMails(journeyId).length === 4);
    expect(
      journeyMails(journeyId)
        .map((m) => m.contactId)
        .sort(),
    ).toEqual([before, before, after, after].sort());
  }, 240_000);
});
