/**
 * Segments that stay current by themselves, over HTTP on the local stack: an event moves a contact
 * in, a window expiring moves it out with no new event, a rule change rebuilds membership exactly.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { type Client, client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let admin: string;

beforeAll(async () => {
  stack = await startStack();
  admin = (await workspaceWithKeys(stack)).admin;
  api = client(stack, admin);
});

afterAll(() => stack?.stop());

const members = async (segmentId: string): Promise<unknown[]> => {
  const ids = field((await api.get(`/v1/segments/${segmentId}/members?limit=100`)).body, 'contactIds');
  return Array.isArray(ids) ? ids : [];
};
const idOf = async (email: string) =>
  String(field((await api.get(`/v1/contacts/lookup?email=${encodeURIComponent(email)}`)).body, 'id'));

describe('segments end to end', () => {
  it('a tracked event moves a contact into a segment, announced on the bus', async () => {
    const seg = await api.post('/v1/segments', {
      name: 'Viewed pricing',
      condition: {
        type: 'event',
        name: 'page_viewed',
        op: 'did',
        where: [{ path: 'properties.path', op: 'equals', value: '/pricing' }],
      },
    });
    expect(seg.status).toBe(201);
    const segmentId = String(field(seg.body, 'id'));
    await api.post('/v1/track', {
      name: 'page_viewed',
      email: 'lead@example.com',
      properties: { path: '/pricing' },
    });
    await api.post('/v1/track', {
      name: 'page_viewed',
      email: 'other@example.com',
      properties: { path: '/blog' },
    });
    await stack.idle();
    expect(await members(segmentId)).toEqual([await idOf('lead@example.com')]);
    const entered = stack.bus.events.filter(
      (e) => e['detail-type'] === 'segment.entered' && field(e.detail, 'data', 'segmentId') === segmentId,
    );
    expect(entered).toHaveLength(1);
    expect(field((await api.get(`/v1/segments/${segmentId}`)).body, 'members')).toBe(1);
  });

  it('a time window expiring moves the contact out with no new event', async () => {
    // The visit falls out of the 30-day window an hour from now: ample time to set up on any machine.
    // Then time jumps past that hour. The stack runs in this process, so the handlers and the local
    // scheduler read the same (faked) Date, as a deployed function would read the real one.
    // The segment exists first, so the contact enters it as it changes, which sets its window timer.
    const seg = await api.post('/v1/segments', {
      name: 'Visited in 30 days',
      condition: { type: 'attribute', field: 'attributes.lastVisit', op: 'withinLastDays', days: 30 },
    });
    const segmentId = String(field(seg.body, 'id'));
    await stack.idle();
    const start = Date.now();
    const lastVisit = new Date(start - 30 * 86_400_000 + 3_600_000).toISOString();
    await api.post('/v1/contacts', { email: 'fading@example.com', attributes: { lastVisit } });
    await stack.idle();
    const id = await idOf('fading@example.com');
    expect(await members(segmentId)).toContain(id);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    try {
      vi.setSystemTime(start + 3_600_000 + 1_000);
      await stack.scheduler.runDue();
      await stack.idle();
      await expect.poll(() => members(segmentId), { interval: 100, timeout: 10_000 }).not.toContain(id);
      // The exit is published by the outbox from the membership's removal: wait for the relay too.
      await stack.idle();
      const exited = () =>
        stack.bus.events
          .filter(
            (e) =>
              e['detail-type'] === 'segment.exited' && field(e.detail, 'data', 'segmentId') === segmentId,
          )
          .map((e) => field(e.detail, 'data', 'contactId'));
      await expect.poll(exited, { interval: 100, timeout: 10_000 }).toEqual([id]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a rule change rebuilds membership exactly; a preview counts before saving', async () => {
    for (let i = 0; i < 12; i++)
      await api.post('/v1/contacts', { email: `plan${i}@example.com`, attributes: { seats: i } });
    const preview = await api.post('/v1/segments/preview', {
      condition: { type: 'attribute', field: 'attributes.seats', op: 'gte', value: 8 },
    });
    expect(field(preview.body, 'matched')).toBe(4);
    const seg = await api.post('/v1/segments', {
      name: 'Big',
      condition: { type: 'attribute', field: 'attributes.seats', op: 'gte', value: 8 },
    });
    const segmentId = String(field(seg.body, 'id'));
    await stack.idle();
    expect(field((await api.get(`/v1/segments/${segmentId}`)).body, 'members')).toBe(4);
    await api.patch(`/v1/segments/${segmentId}`, {
      condition: { type: 'attribute', field: 'attributes.seats', op: 'lt', value: 3 },
    });
    await stack.idle();
    const after = await api.get(`/v1/segments/${segmentId}`);
    expect(field(after.body, 'members')).toBe(3);
    expect(field(after.body, 'rebuild', 'status')).toBe('done');
    expect(field(after.body, 'ruleVersion')).toBe(2);
  });

  it('refuses a bad condition naming where it is wrong', async () => {
    const res = await api.post('/v1/segments', {
      name: 'Bad',
      condition: { type: 'all', conditions: [{ type: 'tag', op: 'has' }] },
    });
    expect(res.status).toBe(422);
    expect(String(field(res.body, 'error', 'issues', 0, 'path'))).toContain('condition');
  });
});

describe('static segment imports', () => {
  const upload = (segmentId: string, csv: string) =>
    fetch(`${stack.apiUrl}/v1/segments/${segmentId}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: csv,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

  it('imports a CSV list with a progress report naming bad rows, and adds nobody twice', async () => {
    const seg = await api.post('/v1/segments', { name: 'Trade fair', kind: 'static' });
    const segmentId = String(field(seg.body, 'id'));
    const rows = Array.from({ length: 150 }, (_, i) => `fair${i}@example.com,Name ${i}`);
    const csv = [
      'email,firstName',
      ...rows.slice(0, 75),
      'not-an-email,Broken',
      ...rows.slice(75),
      'fair0@example.com,Again',
    ].join('\n');
    const started = await upload(segmentId, csv);
    expect(started.status).toBe(202);
    expect(field(started.body, 'total')).toBe(152);
    await stack.idle();
    const progress = await api.get(`/v1/segments/${segmentId}/imports/${String(field(started.body, 'id'))}`);
    expect(progress.body).toMatchObject({ status: 'done', processed: 152, added: 150 });
    expect(field(progress.body, 'errors')).toEqual([{ line: 77, message: expect.stringContaining('email') }]);
    expect(field((await api.get(`/v1/segments/${segmentId}`)).body, 'members')).toBe(150);
    expect(field((await api.get('/v1/contacts/lookup?email=fair3@example.com')).body, 'firstName')).toBe(
      'Name 3',
    );
  });

  it('refuses a file without an email column or with a broken quote, naming the line', async () => {
    const seg = await api.post('/v1/segments', { name: 'Bad files', kind: 'static' });
    const segmentId = String(field(seg.body, 'id'));
    const noEmail = await upload(segmentId, 'name\nAna\n');
    expect(noEmail.status).toBe(422);
    const broken = await upload(segmentId, 'email\n"a@example.com\n');
    expect(field(broken.body, 'error', 'issues', 0, 'path')).toBe('csv.line2');
  });
});

describe('lead scoring end to end', () => {
  it('tracked events raise the score across the MQL threshold; a segment on stage follows', async () => {
    const model = await api.put('/v1/scoring-model', {
      engagement: [
        {
          id: 'pricing',
          event: 'page_viewed',
          where: [{ path: 'properties.path', op: 'equals', value: '/pricing' }],
          points: 40,
        },
      ],
      lifecycle: {
        stages: ['subscriber', 'lead', 'mql', 'customer'],
        thresholds: [
          { stage: 'lead', minScore: 10 },
          { stage: 'mql', minScore: 60 },
        ],
      },
    });
    expect(model.status).toBe(200);
    const mqls = await api.post('/v1/segments', {
      name: 'MQLs',
      condition: { type: 'stage', op: 'equals', value: 'mql' },
    });
    const segmentId = String(field(mqls.body, 'id'));
    await api.post('/v1/track', {
      batch: [
        { id: 'sc-1', name: 'page_viewed', email: 'hot@example.com', properties: { path: '/pricing' } },
        { id: 'sc-2', name: 'page_viewed', email: 'hot@example.com', properties: { path: '/pricing' } },
      ],
    });
    await stack.idle();
    const id = await idOf('hot@example.com');
    const contact = await api.get(`/v1/contacts/${id}`);
    expect(field(contact.body, 'score')).toBe(80);
    expect(field(contact.body, 'stage')).toBe('mql');
    expect(field(contact.body, 'scoreBreakdown')).toBeUndefined();
    const detailed = await api.get(`/v1/contacts/${id}?include=scoreBreakdown`);
    expect(field(detailed.body, 'scoreBreakdown')).toEqual({
      score: 80,
      engagement: 80,
      fit: 0,
      fitRules: [],
    });
    const moved = stack.bus.events.filter(
      (e) => e['detail-type'] === 'stage.changed' && field(e.detail, 'data', 'contactId') === id,
    );
    expect(moved.map((e) => field(e.detail, 'data', 'to'))).toEqual(['lead', 'mql']);
    expect(await members(segmentId)).toEqual([id]);
    const history = await api.get(`/v1/contacts/${id}/score-history`);
    expect(field(history.body, 'entries')).toHaveLength(2);
  });
});
