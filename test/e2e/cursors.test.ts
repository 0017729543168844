/**
 * Pagination cursors on every paginated route: pages chain through `next`, and a tampered cursor is a
 * 422 naming `cursor` in the product's error body, never a 500 (nothing unvalidated reaches DynamoDB).
 * The route list comes from the catalogue, so a new paginated route without a case here fails.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import type { RouteSpec } from '../../lib/shared/http/route.ts';
import { type Client, client, deliverShopify, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let receiver: Server;
const paths: Record<string, string> = {};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Cursors an attacker would try: other routes' shapes, out-of-range shards, junk, foreign keys. */
const TAMPERED = [
  b64({ shard: 0, gsi1sk: 'x' }),
  b64({ sk: 1 }),
  b64({ shard: -5 }),
  b64({ shard: 16 }),
  b64({ shard: 0.5 }),
  b64({ shard: 0, after: 'c_00000000000000000000000000', pk: 'W#ws_other#C#x' }),
  b64({ at: 'yesterday', id: 'e1' }),
  b64({ pk: 'W#ws_other', sk: 'C' }),
  b64([1, 2]),
  b64('x'),
  'not-base64!',
  '%%%',
  Buffer.from('{"shard":').toString('base64url'),
];

/** A path's query string goes on after `?`, or after the query it already has (a search's `q`). */
const join = (path = '') => (path.includes('?') ? '&' : '?');

const paginated = Object.entries(routes).filter(([, spec]: [string, RouteSpec]) => {
  const shape = spec.query && 'shape' in spec.query ? spec.query.shape : undefined;
  return typeof shape === 'object' && shape !== null && 'cursor' in shape;
});

beforeAll(async () => {
  stack = await startStack();
  const keys = await workspaceWithKeys(stack);
  api = client(stack, keys.admin);
  // Outgoing webhook endpoints, one of them taking every contact created below (a receiver saying 200).
  receiver = createServer((req, res) => req.resume().on('end', () => res.end()));
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  let endpointId = '';
  for (const types of [['journey.signal'], ['contact.created']]) {
    const res = await api.post('/v1/webhook-endpoints', { url: hook, eventTypes: types });
    expect(res.status).toBe(201);
    endpointId = String(field(res.body, 'endpoint', 'id'));
  }
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await api.post('/v1/contacts', { email: `page${i}@example.com` });
    ids.push(String(field(res.body, 'contact', 'id')));
  }
  const contactId = ids[0] ?? '';
  for (let i = 0; i < 3; i++)
    await api.post(`/v1/contacts/${contactId}/interactions`, { kind: 'note', summary: `n${i}`, by: 'test' });
  for (const stage of ['lead', 'mql'])
    expect((await api.put(`/v1/contacts/${contactId}/stage`, { stage, id: `move-${stage}` })).status).toBe(
      200,
    );
  const segment = await api.post('/v1/segments', { name: 'List', kind: 'static' });
  const segmentId = String(field(segment.body, 'id'));
  await api.post(`/v1/segments/${segmentId}/members`, { add: ids });
  // Two verified deliveries that cannot be understood: a connection's quarantine to page through.
  const secret = 'shpss_cursor_0123456789';
  const made = await api.post('/v1/connections', { kind: 'shopify', name: 'Cursor shop', secret });
  const connectionId = String(field(made.body, 'connection', 'id'));
  for (const n of [1, 2]) {
    const body = `{"id": ${n}, "email": `;
    const to = { workspaceId: keys.id, connectionId, secret };
    await deliverShopify(stack, to, 'orders/create', body, `cursor-garbage-${n}`);
  }
  const news = {
    name: 'News',
    kind: 'marketing',
    locales: {
      en: {
        subject: 'News',
        html: '<p>News <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
      },
    },
  };
  expect((await api.put('/v1/templates/news', news)).status).toBe(201);
  for (const name of ['First', 'Second', 'Third'])
    expect(
      (
        await api.post('/v1/campaigns', {
          name,
          template: { templateId: 'news' },
          audience: { segments: { include: [segmentId] } },
        })
      ).status,
    ).toBe(201);
  for (const name of ['One', 'Two', 'Three'])
    expect(
      (
        await api.post('/v1/journeys', {
          name,
          trigger: { type: 'event', event: 'signed_up' },
          steps: [{ id: 'hello', type: 'email', template: { templateId: 'news' } }],
        })
      ).status,
    ).toBe(201);
  await stack.idle();
  paths.listWebhookEndpoints = '/v1/webhook-endpoints';
  paths.listWebhookDeliveries = `/v1/webhook-endpoints/${endpointId}/deliveries`;
  paths.listCampaigns = '/v1/campaigns';
  paths.listJourneys = '/v1/journeys';
  paths.listQuarantine = `/v1/connections/${connectionId}/quarantine`;
  paths.listContacts = '/v1/contacts';
  paths.searchContacts = '/v1/contacts/search?q=page';
  paths.readTimeline = `/v1/contacts/${contactId}/timeline`;
  paths.scoreHistory = `/v1/contacts/${contactId}/score-history`;
  paths.listMembers = `/v1/segments/${segmentId}/members`;
  for (const n of [1, 2, 3])
    expect((await api.post('/v1/users', { email: `person${n}@example.com`, role: 'analyst' })).status).toBe(
      201,
    );
  paths.listUsers = '/v1/users';
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  receiver?.close();
});

describe('pagination cursors', () => {
  it('knows every paginated route', () => {
    expect(paginated.map(([name]) => name).sort()).toEqual(Object.keys(paths).sort());
  });

  it('a cursor another route gave is a 422 there, even one of the same shape', async () => {
    const firstPages: [string, string][] = [];
    for (const [name] of paginated) {
      const path = paths[name] ?? '';
      const next = field((await api.get(`${path}${join(path)}limit=1`)).body, 'next');
      expect(next, name).toBeTypeOf('string');
      firstPages.push([name, String(next)]);
    }
    for (const [name] of paginated) {
      const path = paths[name] ?? '';
      for (const [from, cursor] of firstPages.filter(([other]) => other !== name)) {
        const res = await api.get(`${path}${join(path)}limit=1&cursor=${encodeURIComponent(cursor)}`);
        expect(res.status, `${from}'s cursor on ${name}`).toBe(422);
        expect(field(res.body, 'error', 'issues', 0, 'path')).toBe('cursor');
      }
    }
  });

  for (const [name] of paginated) {
    it(`${name}: a tampered cursor is a 422 naming the cursor`, async () => {
      const path = paths[name];
      expect(path).toBeDefined();
      for (const cursor of TAMPERED) {
        const res = await api.get(`${path}${join(path)}limit=1&cursor=${encodeURIComponent(cursor)}`);
        expect(res.status, `${name} ${cursor}`).toBe(422);
        expect(field(res.body, 'error', 'code')).toBe('validation_failed');
        expect(field(res.body, 'error', 'issues', 0, 'path')).toBe('cursor');
      }
    });

    it(`${name}: pages chain through next, each item once`, async () => {
      const path = paths[name] ?? '';
      const all = await api.get(`${path}${join(path)}limit=100`);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let n = 0; n < 50; n++) {
        const res = await api.get(
          `${path}${join(path)}limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.status).toBe(200);
        const body = res.body as Record<string, unknown>;
        const list = Object.values(body).find(Array.isArray) ?? [];
        seen.push(...list.map((item) => JSON.stringify(item)));
        cursor = typeof body.next === 'string' ? body.next : undefined;
        if (!cursor) break;
      }
      const everything = Object.values(all.body as Record<string, unknown>).find(Array.isArray) ?? [];
      expect(everything.length).toBeGreaterThan(1);
      expect(seen).toEqual(everything.map((item) => JSON.stringify(item)));
    });
  }
});
