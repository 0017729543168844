/**
 * What erasure leaves behind, and what a late delivery brings back: raw webhook bodies and track
 * dedupe records keep no personal data once applied; an erased person re-created by a later order
 * or event comes back suppressed, never "subscribed".
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { GetCommand } from '../../lib/shared/dynamodb/commands.ts';
import { keys } from '../../lib/shared/keys.ts';
import { type Client, client, deliverShopify, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let site: Client;
let ws: string;
let shop: string;
const secret = 'shpss_erasure_0123456789';

beforeAll(async () => {
  stack = await startStack();
  const made = await workspaceWithKeys(stack);
  ws = made.id;
  api = client(stack, made.admin);
  site = client(stack, made.ingest);
  const connection = await api.post('/v1/connections', { kind: 'shopify', name: 'Shop', secret });
  shop = String(field(connection.body, 'connection', 'id'));
});

afterAll(() => stack?.stop());

const rawItem = async (key: { pk: string; sk: string }) =>
  (
    await stack.table.client.send(
      new GetCommand({ TableName: stack.table.name, Key: key, ConsistentRead: true }),
    )
  ).Item;

const deliver = async (topic: string, payload: unknown, eventId: string) => {
  const to = { workspaceId: ws, connectionId: shop, secret };
  const res = await deliverShopify(stack, to, topic, JSON.stringify(payload), eventId);
  expect(res.status).toBe(200);
  await stack.idle();
};

const order = (id: number, email: string) => ({
  id,
  email,
  currency: 'EUR',
  total_price: '12.00',
  financial_status: 'paid',
  buyer_accepts_marketing: true,
  created_at: '2026-05-01T10:00:00Z',
  updated_at: '2026-05-01T10:00:00Z',
  line_items: [{ title: 'Mug', quantity: 1, price: '12.00' }],
  customer: {
    id: id + 1,
    email,
    first_name: 'Erin',
    updated_at: '2026-05-01T10:00:00Z',
    email_marketing_consent: { state: 'subscribed', consent_updated_at: '2026-05-01T10:00:00Z' },
  },
});

describe('erasure leaves nothing personal behind', () => {
  it('a webhook body is dropped once applied; the dedupe record stays', async () => {
    await deliver('orders/create', order(5001, 'kept-body@example.com'), 'evt-body-1');
    const item = await rawItem(keys.delivery(ws, shop, 'evt-body-1'));
    expect(item?.status).toBe('processed');
    expect(item?.body).toBeUndefined();
    // Still a duplicate while the dedupe window lasts.
    const body = JSON.stringify(order(5001, 'kept-body@example.com'));
    const to = { workspaceId: ws, connectionId: shop, secret };
    const again = await deliverShopify(stack, to, 'orders/create', body, 'evt-body-1');
    expect(field(again.body, 'status')).toBe('duplicate');
  });

  it('a track dedupe record keeps no identity once the event is on its contact', async () => {
    const res = await site.post('/v1/track', {
      id: 'evt-track-pii',
      name: 'page_viewed',
      email: 'tracked@example.com',
      properties: { path: '/' },
    });
    expect(field(res.body, 'accepted')).toBe(1);
    await stack.idle();
    const item = await rawItem(keys.receivedEvent(ws, 'evt-track-pii'));
    expect(item).toBeDefined();
    expect(JSON.stringify(item)).not.toContain('tracked@example.com');
    expect(item?.ttl).toBeTypeOf('number');
    const again = await site.post('/v1/track', {
      id: 'evt-track-pii',
      name: 'page_viewed',
      email: 'tracked@example.com',
    });
    expect(field(again.body, 'duplicates')).toBe(1);
  });

  it('an order after erasure re-creates the contact suppressed, not subscribed', async () => {
    await deliver('orders/create', order(6001, 'erin@example.com'), 'evt-erin-1');
    const before = await api.get('/v1/contacts/lookup?email=erin%40example.com');
    expect(field(before.body, 'consent', 'email', 'status')).toBe('subscribed');
    const id = String(field(before.body, 'id'));
    expect((await api.del(`/v1/contacts/${id}`)).status).toBeLessThan(300);
    await stack.idle();

    await deliver('orders/create', order(6003, 'erin@example.com'), 'evt-erin-2');
    const back = await api.get('/v1/contacts/lookup?email=erin%40example.com');
    expect(back.status).toBe(200);
    const contact = await contactsRepository(stack.table).get(ws, String(field(back.body, 'id')));
    expect(contact?.suppression?.reason).toBe('erased');
    expect(contact?.consent.email?.status).not.toBe('subscribed');
    // Nor can anyone subscribe it by hand while it is suppressed.
    const forced = await api.put(`/v1/contacts/${contact?.id}/consent/email`, {
      status: 'subscribed',
      source: 'staff',
    });
    expect(forced.status).toBe(409);
  });

  it('an event naming an erased external id re-creates the contact suppressed', async () => {
    const made = await api.post('/v1/contacts', { externalId: 'crm-erased-1' });
    const id = String(field(made.body, 'contact', 'id'));
    expect((await api.del(`/v1/contacts/${id}`)).status).toBeLessThan(300);
    await site.post('/v1/track', { name: 'page_viewed', externalId: 'crm-erased-1' });
    await stack.idle();
    const found = await stack.table.client.send(
      new GetCommand({ TableName: stack.table.name, Key: keys.externalIdLookup(ws, 'crm-erased-1') }),
    );
    const contactId = String(found.Item?.contactId);
    const contact = await contactsRepository(stack.table).get(ws, contactId);
    expect(contact?.suppression?.reason).toBe('erased');
  });
});
