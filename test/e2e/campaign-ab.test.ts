/**
 * An A/B test end to end on the local stack: the launch sends the test wave split between the
 * variants, the rest waits; SES's click events (on the default bus, as SES publishes them) reach the
 * variants' counters; when the decision's time comes (the local scheduler moved ahead) the winner is
 * picked by click rate and the rest get the winner; everyone gets exactly one email.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { readMessageTags } from '../../lib/email/message-tags.ts';
import { taggedSesEvent } from '../support/ses-events.ts';
import { campaignWorkspace } from './campaign-workspace.ts';
import { type Client, field, startStack, until } from './harness.ts';

let stack: LocalStack;
let api: Client;
const WINNER_SUBJECT = 'Only today, {{ contact.firstName }}';

beforeAll(async () => {
  stack = await startStack();
  ({ api } = await campaignWorkspace(
    stack,
    '<p>Hi {{ contact.firstName }} <a href="https://shop.example/sale">Sale</a> <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
  ));
}, 120_000);

afterAll(() => stack?.stop());

/** The campaign's emails the local SES accepted, with their tags read as ecrm reads them. */
const campaignMails = (campaignId: string) =>
  stack.ses.messages.flatMap((m) => {
    const tags = readMessageTags(Object.fromEntries(Object.entries(m.tags).map(([k, v]) => [k, [v]])));
    return tags?.originId === campaignId ? [{ ...m, ecrm: tags }] : [];
  });

describe('an A/B test', () => {
  it('sends the test wave split between the variants, picks the winner by click rate when its time comes, and sends the rest the winner, once each', async () => {
    const people = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const res = await api.post('/v1/contacts', {
          email: `ab${i}-${randomBytes(4).toString('hex')}@example.com`,
          firstName: `N${i}`,
        });
        const id = String(field(res.body, 'contact', 'id'));
        const consent = { status: 'subscribed', source: 'signup' };
        expect((await api.put(`/v1/contacts/${id}/consent/email`, consent)).status).toBe(200);
        return id;
      }),
    );
    const segmentId = String(
      field((await api.post('/v1/segments', { name: 'AB', kind: 'static' })).body, 'id'),
    );
    expect((await api.post(`/v1/segments/${segmentId}/members`, { add: people })).status).toBe(200);
    const created = await api.post('/v1/campaigns', {
      name: 'A/B winter',
      template: { templateId: 'news' },
      audience: { segments: { include: [segmentId] } },
      abTest: {
        variants: [{}, { subject: WINNER_SUBJECT }],
        testShare: 50,
        metric: 'clickRate',
        decideAfterMinutes: 30,
      },
    });
    expect(created.status).toBe(201);
    const campaignId = String(field(created.body, 'id'));
    const started = await api.post(`/v1/campaigns/${campaignId}/start`, {});
    expect(started.status).toBe(200);
    const startedAt = Date.parse(String(field(started.body, 'startedAt')));
    await stack.idle();

    // The test wave only: about half the audience, both variants, the rest waiting.
    const test = campaignMails(campaignId);
    expect(test.length).toBeGreaterThan(8);
    expect(test.length).toBeLessThan(32);
    const byVariant = Object.groupBy(test, (m) => m.ecrm.variant ?? 'none');
    expect(Object.keys(byVariant).sort()).toEqual(['0', '1']);
    for (const m of byVariant['1'] ?? []) expect(m.subject).toMatch(/^Only today, N\d+$/);
    for (const m of byVariant['0'] ?? []) expect(m.subject).toBe('Winter news');
    expect(String(field((await api.get(`/v1/campaigns/${campaignId}`)).body, 'status'))).toBe('sending');

    // Variant 1's readers click; variant 0's only open. Each event twice: SES and the bus redeliver.
    for (const m of test) {
      const event = taggedSesEvent(m.ecrm.variant === '1' ? 'click' : 'open', m.ecrm);
      stack.bus.putServiceEvent(event, 'default');
      stack.bus.putServiceEvent({ ...event, id: `${event.id}-again` }, 'default');
    }
    await stack.idle();
    const before = await api.get(`/v1/campaigns/${campaignId}`);
    expect(field(before.body, 'abTest', 'winner')).toBeUndefined();
    expect(field(before.body, 'abTest', 'results', 1, 'clicked')).toBe(byVariant['1']?.length);
    expect(field(before.body, 'abTest', 'results', 0, 'clicked')).toBe(0);

    // The decision's time: the timer fires, the winner is recorded, the rest's wave goes out.
    await stack.scheduler.advanceTo(new Date(startedAt + 31 * 60_000));
    await until(
      async () => String(field((await api.get(`/v1/campaigns/${campaignId}`)).body, 'status')) === 'sent',
    );

    const decided = await api.get(`/v1/campaigns/${campaignId}`);
    expect(field(decided.body, 'abTest')).toMatchObject({ winner: 1, decidedBy: 'clickRate' });
    const all = campaignMails(campaignId);
    const rest = all.filter((m) => m.ecrm.variant === undefined);
    expect(rest.length).toBe(40 - test.length);
    for (const m of rest) expect(m.subject).toMatch(/^Only today, N\d+$/);
    // Exactly one email each.
    const to = all.map((m) => m.ecrm.contactId).sort();
    expect(to).toEqual([...people].sort());
  }, 240_000);
});
