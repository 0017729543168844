/**
 * The local stack's accelerated clock (README, Quick start): a marketer schedules a campaign three
 * hours ahead, moves the stack's clock four hours with one request, and finds the campaign sent and
 * its email in the local SES. Handlers see the moved time too (a time now past is refused), and a bad
 * move is refused naming the field, leaving the clock where it was.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { campaignWorkspace } from './campaign-workspace.ts';
import { type Client, field, startStack, until } from './harness.ts';

let stack: LocalStack;
let api: Client;
beforeAll(async () => {
  stack = await startStack();
  ({ api } = await campaignWorkspace(
    stack,
    '<p>Hello <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
  ));
}, 120_000);

afterAll(() => stack?.stop());

const clock = async (init?: RequestInit) => {
  const res = await fetch(stack.clockUrl, init);
  return { status: res.status, body: (await res.json()) as unknown };
};
const move = (body: unknown) =>
  clock({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** `YYYY-MM-DDTHH:mm` in UTC, whole minutes `minutes` after the stack's now. */
const utcWallClock = (now: number, minutes: number) =>
  new Date(Math.ceil(now / 60_000) * 60_000 + minutes * 60_000).toISOString().slice(0, 16);

describe('the accelerated clock', () => {
  it('a campaign scheduled three hours ahead is sent when the clock moves four', async () => {
    const email = `clock-${randomBytes(4).toString('hex')}@example.com`;
    const contactId = String(field((await api.post('/v1/contacts', { email })).body, 'contact', 'id'));
    const consent = { status: 'subscribed', source: 'signup' };
    expect((await api.put(`/v1/contacts/${contactId}/consent/email`, consent)).status).toBe(200);
    const segmentId = String(
      field((await api.post('/v1/segments', { name: 'Clock', kind: 'static' })).body, 'id'),
    );
    expect((await api.post(`/v1/segments/${segmentId}/members`, { add: [contactId] })).status).toBe(200);
    const created = await api.post('/v1/campaigns', {
      name: 'Later',
      template: { templateId: 'news' },
      audience: { segments: { include: [segmentId] } },
    });
    const id = String(field(created.body, 'id'));

    const before = Date.parse(String(field((await clock()).body, 'now')));
    const at = utcWallClock(before, 180);
    const scheduled = await api.post(`/v1/campaigns/${id}/schedule`, { type: 'at', at, timeZone: 'UTC' });
    expect(scheduled.status).toBe(200);
    await stack.idle();
    expect(field((await api.get(`/v1/campaigns/${id}`)).body, 'status')).toBe('scheduled');

    const moved = await move({ advance: '4h' });
    expect(moved.status).toBe(200);
    expect(field(moved.body, 'advancedBy')).toBe('4h');
    expect(Date.parse(String(field(moved.body, 'now'))) - before).toBeGreaterThanOrEqual(4 * 3_600_000);

    await until(async () => field((await api.get(`/v1/campaigns/${id}`)).body, 'status') === 'sent', 30_000);
    const mails = await readStoredEmails(stack.sesEndpoint, { to: email });
    expect(mails.map((m) => m.subject)).toEqual(['Winter news']);

    // The API lives at the moved time: three hours after the first clock reading is now past.
    const again = await api.post('/v1/campaigns', {
      name: 'Too late',
      template: { templateId: 'news' },
      audience: { segments: { include: [segmentId] } },
    });
    const late = await api.post(`/v1/campaigns/${String(field(again.body, 'id'))}/schedule`, {
      type: 'at',
      at,
      timeZone: 'UTC',
    });
    expect(late.status).toBe(422);
    expect(JSON.stringify(late.body)).toContain('has passed');
  });

  it('refuses a bad move naming the field, and leaves the clock where it was', async () => {
    const before = Date.parse(String(field((await clock()).body, 'now')));
    for (const body of [{ advance: '-2h' }, { advance: '2 weeks' }, { advance: '400d' }, {}]) {
      const refused = await move(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(field(refused.body, 'field')).toBe('advance');
    }
    expect((await move({ advance: '1h', back: true })).status).toBe(400);
    const notJson = await clock({ method: 'POST', body: '{"advance":' });
    expect(notJson.status).toBe(400);
    expect((await clock({ method: 'PUT' })).status).toBe(405);
    expect((await fetch(stack.clockUrl.replace(/\/clock$/, '/elsewhere'))).status).toBe(404);
    const after = Date.parse(String(field((await clock()).body, 'now')));
    expect(after - before).toBeLessThan(3_600_000);
  });
});
