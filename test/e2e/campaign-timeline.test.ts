/**
 * A campaign sent to a small segment on the local stack, as a marketer's console sees it. A campaign's
 * recipients are recorded in its chunks, not one item each (README, Campaigns: the cost target), so:
 * - the campaign ends `sent`, and its progress and results count the sends (from the chunks);
 * - the local SES holds one email for each recipient, tagged with the campaign;
 * - each recipient's timeline shows the email at once, `sent`, read from the campaign's chunks (no
 *   item was written for it); a member the campaign refused shows it refused, with why; a contact
 *   outside the audience shows nothing;
 * - the first feedback (here an open, delivered twice as SES and SQS may) writes the email's one
 *   entry (the campaign as origin, `at.sent` the launch), which takes the read one's place: still one
 *   entry per email, now opened, and the email stats count it once.
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

const statsOf = async (campaignId: string) => {
  const stats = await api.get(`/v1/email-stats/campaign/${campaignId}`);
  expect(stats.status).toBe(200);
  return field(stats.body, 'counts');
};

/** SES reports an open of the email the local SES recorded for this contact, with the tags it was sent with. */
const opens = (contactId: string) => {
  const [recorded, ...more] = stack.ses.messagesTagged(MESSAGE_TAG.contact, contactId);
  expect(more).toEqual([]);
  const tags = readMessageTags(
    Object.fromEntries(Object.entries(recorded?.tags ?? {}).map(([k, v]) => [k, [v]])),
  );
  if (!tags) throw new Error('the campaign email carries no ecrm tags');
  const open: BusEvent = sesEventSchemaParse(taggedSesJson('open', tags));
  stack.bus.putServiceEvent(open, 'default');
  stack.bus.putServiceEvent({ ...open, id: `${open.id}-again` }, 'default');
  return tags;
};

describe('a campaign to a small segment', () => {
  it('ends sent with its sends counted, leaves each email in the local SES, shows each recipient the email on its timeline at once (sent, or refused with why), and keeps one entry per email once SES feedback is stored, counted once in the email stats', async () => {
    const people = await Promise.all([0, 1, 2].map(subscribedContact));
    // A member without consent (refused at send time), and a contact outside the segment.
    const [refused, outsider] = await Promise.all(
      ['n', 'o'].map(async (k) =>
        String(
          field(
            (await api.post('/v1/contacts', { email: `${k}-${randomBytes(4).toString('hex')}@example.com` }))
              .body,
            'contact',
            'id',
          ),
        ),
      ),
    );
    const segmentId = String(
      field((await api.post('/v1/segments', { name: 'Three', kind: 'static' })).body, 'id'),
    );
    expect(
      (await api.post(`/v1/segments/${segmentId}/members`, { add: [...people.map((p) => p.id), refused] }))
        .status,
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
    expect(field((await api.get(`/v1/campaigns/${campaignId}/progress`)).body, 'sent')).toBe(3);
    expect(field((await api.get(`/v1/campaigns/${campaignId}/results`)).body, 'sent')).toBe(3);

    for (const p of people) {
      const mails = await readStoredEmails(stack.sesEndpoint, { to: p.email });
      expect(mails, p.email).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Winter news');
      const [recorded] = stack.ses.messagesTagged(MESSAGE_TAG.contact, p.id);
      expect(recorded?.tags).toMatchObject({
        [MESSAGE_TAG.origin]: 'campaign',
        [MESSAGE_TAG.originId]: campaignId,
      });
      // Recorded in the campaign's chunk only, and on the timeline all the same: sent.
      const entries = await emailEntries(p.id);
      expect(entries, p.email).toHaveLength(1);
      expect(field(entries[0], 'eventId')).toBe(recorded?.tags?.[MESSAGE_TAG.message]);
      expect(field(entries[0], 'email')).toMatchObject({
        kind: 'marketing',
        origin: 'campaign',
        originId: campaignId,
        templateId: 'news',
        version: expect.any(Number),
        status: 'sent',
        at: { sent: expect.any(String) },
      });
    }
    // A page at a time, the timeline is the same: every entry once, in order.
    const first = people[0]?.id ?? '';
    const whole = field((await api.get(`/v1/contacts/${first}/timeline?limit=50`)).body, 'entries');
    const paged: unknown[] = [];
    for (let cursor: unknown = '', pages = 0; typeof cursor === 'string' && pages < 50; pages++) {
      const page = await api.get(
        `/v1/contacts/${first}/timeline?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      const entries = field(page.body, 'entries');
      paged.push(...(Array.isArray(entries) ? entries : []));
      cursor = field(page.body, 'next');
    }
    expect(Array.isArray(whole) ? whole.length : 0).toBeGreaterThan(1);
    expect(paged).toEqual(whole);
    // The right of access: the contact's export holds the email too.
    const exported = await api.get(`/v1/contacts/${first}/export`);
    expect(exported.status).toBe(200);
    const exportedTimeline = field(exported.body, 'timeline');
    expect(
      Array.isArray(exportedTimeline)
        ? exportedTimeline.filter((e) => field(e, 'email', 'originId') === campaignId)
        : [],
    ).toEqual([
      expect.objectContaining({ kind: 'email', email: expect.objectContaining({ status: 'sent' }) }),
    ]);
    const [refusal, ...moreRefusals] = await emailEntries(refused ?? '');
    expect(moreRefusals).toEqual([]);
    expect(field(refusal, 'email')).toMatchObject({ originId: campaignId, status: 'refused' });
    expect(field(refusal, 'email', 'reason')).toEqual(expect.any(String));
    expect(await emailEntries(outsider ?? '')).toEqual([]);
    expect(await statsOf(campaignId)).toMatchObject({ sent: 0, delivered: 0, opened: 0 });

    const tags = people.map((p) => opens(p.id));
    await stack.idle();

    for (const [i, p] of people.entries()) {
      const entries = await emailEntries(p.id);
      expect(entries, p.email).toHaveLength(1);
      const [entry] = entries;
      expect(field(entry, 'eventId')).toBe(tags[i]?.messageId);
      expect(field(entry, 'email', 'origin')).toBe('campaign');
      expect(field(entry, 'email', 'originId')).toBe(campaignId);
      expect(field(entry, 'email', 'templateId')).toBe('news');
      expect(field(entry, 'email', 'status')).toBe('opened');
      expect(field(entry, 'email', 'at', 'sent')).toEqual(expect.any(String));
      expect(field(entry, 'email', 'at', 'opened')).toEqual(expect.any(String));
    }
    expect(await statsOf(campaignId)).toMatchObject({ sent: 0, opened: 3 });
    const results = (await api.get(`/v1/campaigns/${campaignId}/results`)).body;
    expect(field(results, 'sent')).toBe(3);
    expect(field(results, 'opened')).toBe(3);
  }, 180_000);
});
