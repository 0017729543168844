/**
 * A campaign sent to a small segment on the local stack, as the console shows it: the campaign ends
 * `sent`, each recipient's timeline has the email (one `email` entry, the campaign as its origin) as
 * soon as SES took it, without waiting for an open or a click, the campaign's email stats count the
 * sends, and the local SES holds one email for each recipient. A later open moves that same entry on.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusEvent } from '../../infra/local/local-eventbridge.ts';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { MESSAGE_TAG, readMessageTags } from '../../lib/email/message-tags.ts';
import { sesEventSchemaParse, taggedSesJson } from '../support/ses-events.ts';
import { campaignWorkspace } from './campaign-workspace.ts';
import { type Client, field, startStack, until } from './harness.ts';

let stack: LocalStack;
let api: Client;
beforeAll(async () => {
  stack = await startStack();
  ({ api } = await campaignWorkspace(
    stack,
    '<p>Hello {{ contact.firstName }} <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
  ));
}, 120_000);

afterAll(() => stack?.stop());

const subscribedContact = async (i: number) => {
  const email = `t${i}-${randomBytes(4).toString('hex')}@example.com`;
  const id = String(
    field((await api.post('/v1/contacts', { email, firstName: `T${i}` })).body, 'contact', 'id'),
  );
  expect(
    (await api.put(`/v1/contacts/${id}/consent/email`, { status: 'subscribed', source: 'signup' })).status,
  ).toBe(200);
  return { id, email };
};

const emailEntries = async (contactId: string): Promise<unknown[]> => {
  const page = await api.get(`/v1/contacts/${contactId}/timeline?limit=50`);
  expect(page.status).toBe(200);
  const entries = field(page.body, 'entries');
  return Array.isArray(entries) ? entries.filter((e) => field(e, 'kind') === 'email') : [];
};

describe('a campaign to a small segment', () => {
  it('ends sent, puts one email entry on each recipient timeline with the campaign as origin, counts the sends in its email stats, and leaves each email in the local SES', async () => {
    const people = await Promise.all([0, 1, 2].map(subscribedContact));
    const segmentId = String(
      field((await api.post('/v1/segments', { name: 'Three', kind: 'static' })).body, 'id'),
    );
    expect(
      (await api.post(`/v1/segments/${segmentId}/members`, { add: people.map((p) => p.id) })).status,
    ).toBe(200);
    const created = await api.post('/v1/campaigns', {
      name: 'Timeline',
      template: { templateId: 'news' },
      audience: { segments: { include: [segmentId] } },
    });
    expect(created.status).toBe(201);
    const campaignId = String(field(created.body, 'id'));
    expect((await api.post(`/v1/campaigns/${campaignId}/start`, {})).status).toBe(200);

    await until(async () => field((await api.get(`/v1/campaigns/${campaignId}`)).body, 'status') === 'sent');
    await stack.idle();
    const progress = (await api.get(`/v1/campaigns/${campaignId}/progress`)).body;
    expect(field(progress, 'sent')).toBe(3);

    for (const p of people) {
      const entries = await emailEntries(p.id);
      expect(entries, p.email).toHaveLength(1);
      const [entry] = entries;
      expect(field(entry, 'email', 'origin')).toBe('campaign');
      expect(field(entry, 'email', 'originId')).toBe(campaignId);
      expect(field(entry, 'email', 'templateId')).toBe('news');
      expect(field(entry, 'email', 'status')).toBe('sent');
      expect(field(entry, 'email', 'at', 'sent')).toEqual(expect.any(String));
      const mails = await readStoredEmails(stack.sesEndpoint, { to: p.email });
      expect(mails, p.email).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Winter news');
    }

    const stats = await api.get(`/v1/email-stats/campaign/${campaignId}`);
    expect(stats.status).toBe(200);
    expect(field(stats.body, 'counts', 'sent')).toBe(3);
    const results = await api.get(`/v1/campaigns/${campaignId}/results`);
    expect(field(results.body, 'sent')).toBe(3);

    // SES reports an open of the first email (with the tags it was sent with): the same entry moves on.
    const [first] = people;
    const [recorded] = stack.ses.messagesTagged(MESSAGE_TAG.contact, first?.id ?? '');
    const tags = readMessageTags(
      Object.fromEntries(Object.entries(recorded?.tags ?? {}).map(([k, v]) => [k, [v]])),
    );
    if (!tags || !first) throw new Error('the campaign email carries no ecrm tags');
    const open: BusEvent = sesEventSchemaParse(taggedSesJson('open', tags));
    stack.bus.putServiceEvent(open, 'default');
    await stack.idle();
    const [opened, ...more] = await emailEntries(first.id);
    expect(more).toEqual([]);
    expect(field(opened, 'email', 'status')).toBe('opened');
    expect(field(opened, 'email', 'originId')).toBe(campaignId);
    const after = await api.get(`/v1/email-stats/campaign/${campaignId}`);
    expect(field(after.body, 'counts')).toMatchObject({ sent: 3, opened: 1 });
  }, 180_000);
});
