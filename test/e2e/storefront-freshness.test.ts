/**
 * Newest wins, whatever the interleaving: an older customer or order state delivered after (or at
 * the same time as) a newer one never overwrites it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { type Client, client, deliverShopify, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let ws: string;
let shop: string;
const secret = 'shpss_freshness_0123456789';

beforeAll(async () => {
  stack = await startStack();
  const keys = await workspaceWithKeys(stack);
  ws = keys.id;
  api = client(stack, keys.admin);
  const made = await api.post('/v1/connections', { kind: 'shopify', name: 'Fresh shop', secret });
  shop = String(field(made.body, 'connection', 'id'));
});

afterAll(() => stack?.stop());

let seq = 0;
const post = async (topic: string, payload: unknown) => {
  const to = { workspaceId: ws, connectionId: shop, secret };
  const res = await deliverShopify(stack, to, topic, JSON.stringify(payload), `evt-fresh-${++seq}`);
  expect(res.status).toBe(200);
};

const customerState = (id: number, firstName: string, updatedAt: string) => ({
  id,
  email: `fresh-${id}@example.com`,
  first_name: firstName,
  last_name: 'Shopper',
  updated_at: updatedAt,
});
const NEWER = '2026-06-01T10:00:00Z';
const OLDER = '2026-05-01T10:00:00Z';

const firstNameOf = async (id: number) =>
  field((await api.get(`/v1/contacts/lookup?email=fresh-${id}%40example.com`)).body, 'firstName');

describe('newest wins', () => {
  it('an older customers/update never overwrites a newer one, in order, reversed or concurrent', async () => {
    const rounds = 6;
    const ids: number[] = [];
    await Promise.all(
      Array.from({ length: rounds }, async (_, round) => {
        const id = 7_000 + round;
        ids.push(id);
        const newer = customerState(id, 'Newer', NEWER);
        const older = customerState(id, 'Older', OLDER);
        if (round % 3 === 0) {
          await post('customers/update', newer);
          await post('customers/update', older);
        } else if (round % 3 === 1) {
          await post('customers/update', older);
          await post('customers/update', newer);
        } else {
          await Promise.all([post('customers/update', newer), post('customers/update', older)]);
        }
      }),
    );
    await stack.idle();
    for (const id of ids) expect(await firstNameOf(id)).toBe('Newer');
  });

  it('an older order state never overwrites a newer one', async () => {
    const order = (id: number, status: string, updatedAt: string) => ({
      id,
      email: `fresh-order-${id}@example.com`,
      currency: 'EUR',
      total_price: '10.00',
      financial_status: status,
      created_at: '2026-04-01T10:00:00Z',
      updated_at: updatedAt,
      line_items: [{ title: 'Mug', quantity: 1, price: '10.00' }],
    });
    const rounds = 4;
    await Promise.all(
      Array.from({ length: rounds }, async (_, round) => {
        const id = 91_000 + round;
        const newer = order(id, 'paid', NEWER);
        const older = order(id, 'pending', OLDER);
        if (round % 2 === 0) {
          await post('orders/updated', newer);
          await post('orders/updated', older);
        } else {
          await Promise.all([post('orders/updated', older), post('orders/updated', newer)]);
        }
      }),
    );
    await stack.idle();
    const statuses = stack.bus.events
      .filter((e) => e['detail-type'] === 'order.placed' || e['detail-type'] === 'order.updated')
      .map((e) => [field(e.detail, 'data', 'orderId'), field(e.detail, 'data', 'status')]);
    for (let round = 0; round < rounds; round++) {
      const mine = statuses.filter(([o]) => o === String(91_000 + round));
      expect(mine.at(-1)?.[1]).toBe('paid');
    }
  });
});
