/**
 * Storefront webhooks end to end: signed deliveries in, contacts and orders out; forged, replayed,
 * cross-connection and malformed signatures refused with nothing stored.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { sign } from '../../lib/webhooks/verify/index.ts';
import { type Client, client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let ws: string;
const shopifySecret = 'shpss_test_0123456789abcdef';
const wooSecret = 'woo-secret-0123456789';
const stripeSecret = 'whsec_test_0123456789abcdef';
let shopify: string;
let woo: string;
let stripe: string;
let otherShop: string;

const fixture = (path: string): Buffer =>
  readFileSync(new URL(`../fixtures/webhooks/${path}`, import.meta.url));

beforeAll(async () => {
  stack = await startStack();
  const keys = await workspaceWithKeys(stack);
  ws = keys.id;
  api = client(stack, keys.admin);
  const make = async (kind: string, secret: string, name: string) =>
    String(field((await api.post('/v1/connections', { kind, name, secret })).body, 'connection', 'id'));
  shopify = await make('shopify', shopifySecret, 'Demo Shopify');
  woo = await make('woocommerce', wooSecret, 'Demo Woo');
  stripe = await make('stripe', stripeSecret, 'Demo Stripe');
  otherShop = await make('shopify', 'another-shop-secret-xyz', 'Other shop');
});

afterAll(() => stack?.stop());

const deliver = (connectionId: string, body: Buffer | string, headers: Record<string, string>) =>
  fetch(`${stack.apiUrl}/v1/webhooks/${ws}/${connectionId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

let eventSeq = 0;
const shopifyHeaders = (
  body: Buffer | string,
  topic: string,
  secret = shopifySecret,
  eventId = `evt-${++eventSeq}`,
) => ({
  'x-shopify-topic': topic,
  'x-shopify-hmac-sha256': sign.shopify(secret, body),
  'x-shopify-event-id': eventId,
  'x-shopify-webhook-id': `wh-${eventId}`,
  'x-shopify-shop-domain': 'demo.myshopify.com',
});

const deliveriesStored = () => stack.bus.events.filter((e) => e['detail-type'] === 'webhook.received').length;

describe('connections', () => {
  it('never shows a secret again, only its hint, and issues generic secrets once', async () => {
    const got = await api.get(`/v1/connections/${shopify}`);
    expect(JSON.stringify(got.body)).not.toContain(shopifySecret);
    expect(field(got.body, 'secrets', 0, 'hint')).toBe(shopifySecret.slice(-4));
    expect(field(got.body, 'webhookPath')).toBe(`/v1/webhooks/${ws}/${shopify}`);
    const generic = await api.post('/v1/connections', { kind: 'generic', name: 'Custom shop' });
    expect(String(field(generic.body, 'secret'))).toMatch(/^ecrm_whsec_/);
    const missing = await api.post('/v1/connections', { kind: 'shopify', name: 'No secret' });
    expect(field(missing.body, 'error', 'issues', 0, 'path')).toBe('secret');
  });
});

describe('verification', () => {
  const body = Buffer.from(JSON.stringify({ id: 1, email: 'x@example.com' }));

  it('refuses forged, foreign, malformed and missing signatures with 401 and stores nothing', async () => {
    await stack.idle();
    const before = deliveriesStored();
    const forged = {
      ...shopifyHeaders(body, 'customers/update'),
      'x-shopify-hmac-sha256': sign.shopify('wrong-secret', body),
    };
    const foreign = shopifyHeaders(body, 'customers/update', 'another-shop-secret-xyz');
    const malformed = {
      ...shopifyHeaders(body, 'customers/update'),
      'x-shopify-hmac-sha256': 'not base64 !!',
    };
    const { 'x-shopify-hmac-sha256': _drop, ...missing } = shopifyHeaders(body, 'customers/update');
    for (const headers of [forged, foreign, malformed, missing]) {
      const res = await deliver(shopify, body, headers);
      expect(res.status).toBe(401);
    }
    // Signed for the other shop's connection, sent to this one.
    expect(
      (await deliver(shopify, body, shopifyHeaders(body, 'customers/update', 'another-shop-secret-xyz')))
        .status,
    ).toBe(401);
    // An unknown connection looks the same as a bad signature.
    expect(
      (await deliver('cn_00000000000000000000000000', body, shopifyHeaders(body, 'customers/update'))).status,
    ).toBe(401);
    const wrongLength = {
      ...shopifyHeaders(body, 'customers/update'),
      'x-shopify-hmac-sha256': Buffer.from('short').toString('base64'),
    };
    expect((await deliver(shopify, body, wrongLength)).status).toBe(401);
    await stack.idle();
    expect(deliveriesStored()).toBe(before);
  });

  it('refuses Stripe deliveries signed 6 minutes away, takes them at 4', async () => {
    const event = Buffer.from(
      JSON.stringify({
        id: 'evt_replay',
        object: 'event',
        type: 'customer.created',
        data: { object: { id: 'cus_1', object: 'customer' } },
      }),
    );
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    expect(
      (await deliver(stripe, event, { 'stripe-signature': sign.stripe(stripeSecret, event, at(-6)) })).status,
    ).toBe(401);
    expect(
      (await deliver(stripe, event, { 'stripe-signature': sign.stripe(stripeSecret, event, at(6)) })).status,
    ).toBe(401);
    expect(
      (await deliver(stripe, event, { 'stripe-signature': sign.stripe(stripeSecret, event, at(-4)) })).status,
    ).toBe(200);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 'a');
    expect((await deliver(shopify, big, shopifyHeaders(big, 'orders/create'))).status).toBe(413);
  });

  it('has one effect for duplicates, sequential and concurrent', async () => {
    const once = Buffer.from(JSON.stringify({ id: 99, email: 'dup@example.com' }));
    const headers = shopifyHeaders(once, 'customers/update', shopifySecret, 'evt-dup-1');
    const first = await deliver(shopify, once, headers);
    const again = await deliver(shopify, once, headers);
    expect(field(first.body, 'status')).toBe('accepted');
    expect(field(again.body, 'status')).toBe('duplicate');
    const race = Buffer.from(JSON.stringify({ id: 100, email: 'race@example.com' }));
    const raceHeaders = shopifyHeaders(race, 'customers/update', shopifySecret, 'evt-race-1');
    const results = await Promise.all(Array.from({ length: 6 }, () => deliver(shopify, race, raceHeaders)));
    expect(results.map((r) => field(r.body, 'status')).filter((s) => s === 'accepted')).toHaveLength(1);
  });

  it('keeps a verified body that cannot be parsed in quarantine, and still answers 200', async () => {
    const garbage = Buffer.from('{"id": 1, "email": ');
    const res = await deliver(
      shopify,
      garbage,
      shopifyHeaders(garbage, 'orders/create', shopifySecret, 'evt-garbage'),
    );
    expect(res.status).toBe(200);
    await stack.idle();
    const quarantined = stack.bus.events.filter((e) => e['detail-type'] === 'webhook.quarantined');
    expect(quarantined.map((e) => field(e.detail, 'data', 'deliveryId'))).toContain('evt-garbage');
  });

  it('keeps accepting the old secret during a rotation grace period', async () => {
    const rotated = await api.post(`/v1/connections/${otherShop}/rotate-secret`, {
      secret: 'the-new-other-secret',
      graceHours: 1,
    });
    expect(field(rotated.body, 'connection', 'secrets')).toHaveLength(2);
    const b = Buffer.from(JSON.stringify({ id: 5 }));
    expect(
      (await deliver(otherShop, b, shopifyHeaders(b, 'shop/update', 'the-new-other-secret'))).status,
    ).toBe(200);
    expect(
      (await deliver(otherShop, b, shopifyHeaders(b, 'shop/update', 'another-shop-secret-xyz'))).status,
    ).toBe(200);
  });
});

const text = (path: string) => fixture(path).toString('utf8');
const events = (type: string) => stack.bus.events.filter((e) => e['detail-type'] === type);
const lookup = (email: string) => api.get(`/v1/contacts/lookup?email=${encodeURIComponent(email)}`);
const shopifyDeliver = async (topic: string, body: string, eventId?: string) => {
  const res = await deliver(shopify, body, shopifyHeaders(body, topic, shopifySecret, eventId));
  expect(res.status).toBe(200);
  await stack.idle();
  return res;
};

describe('Shopify end to end', () => {
  it('turns customers and orders into a contact with its purchase history, once', async () => {
    await shopifyDeliver('customers/create', text('shopify/customers/create.json'));
    const customer = await lookup('bob.norman@mail.example.com');
    expect(customer.status).toBe(200);
    expect(field(customer.body, 'source')).toBe('shopify');

    const order = text('shopify/orders/create.json');
    await shopifyDeliver('orders/create', order, 'evt-order-1');
    await shopifyDeliver('orders/create', order, 'evt-order-1');
    // The same order under a new delivery id (Shopify sends orders/create and orders/paid alike).
    await shopifyDeliver('orders/create', order, 'evt-order-1b');
    const contact = await lookup('bob.norman@mail.example.com');
    expect(field(contact.body, 'purchases', 'orderCount')).toBe(1);
    expect(field(contact.body, 'purchases', 'totals', 'USD', 'spent')).toBe(26093);
    expect(events('order.placed')).toHaveLength(1);
    // The checkout it came from, as the checkout's own webhooks name it (its token): journeys key on it.
    expect(field(events('order.placed')[0]?.detail, 'data', 'checkoutId')).toBe(
      'bd5a8aa1ecd019dd3520ff791ee3a24c',
    );
  });

  it('refunds lower the spend once, however often they are delivered', async () => {
    const refund = text('shopify/refunds/create.json');
    await shopifyDeliver('refunds/create', refund, 'evt-refund-1');
    await shopifyDeliver('refunds/create', refund, 'evt-refund-1b');
    // Shopify's published sample names no currency on its transactions: the order's (USD) applies.
    expect(events('webhook.quarantined').map((e) => field(e.detail, 'data', 'topic'))).not.toContain(
      'refunds/create',
    );
    expect(events('order.refunded')).toHaveLength(1);
    expect(field(events('order.refunded')[0]?.detail, 'data', 'currency')).toBe('USD');
    const refunded = Number(field(events('order.refunded')[0]?.detail, 'data', 'amount'));
    expect(refunded).toBe(8500);
    const contact = await lookup('bob.norman@mail.example.com');
    expect(field(contact.body, 'purchases', 'totals', 'USD', 'spent')).toBe(26093 - refunded);
  });

  it('a checkout without an order becomes checkout.abandoned after the window; one with an order does not', async () => {
    const checkout = text('shopify/checkouts/create.json');
    const abandoned = checkout
      .replaceAll('bd5a8aa1ecd019dd3520ff791ee3a24c', 'abandoned0000000000000000000000a')
      .replaceAll('bob.norman@mail.example.com', 'carol@mail.example.com');
    const completed = checkout
      .replaceAll('bd5a8aa1ecd019dd3520ff791ee3a24c', 'completed000000000000000000000c')
      .replaceAll('bob.norman@mail.example.com', 'dave@mail.example.com');
    await shopifyDeliver('checkouts/create', abandoned);
    await shopifyDeliver('checkouts/create', completed);
    const order = text('shopify/orders/create.json')
      .replaceAll('bd5a8aa1ecd019dd3520ff791ee3a24c', 'completed000000000000000000000c')
      .replaceAll('820982911946154508', '820982911946154999')
      .replaceAll('bob.norman@mail.example.com', 'dave@mail.example.com');
    await shopifyDeliver('orders/create', order);
    expect(events('checkout.abandoned')).toHaveLength(0);

    await stack.scheduler.advanceTo(new Date(Date.now() + 2 * 3600_000));
    await stack.idle();
    const fired = events('checkout.abandoned');
    expect(fired.map((e) => field(e.detail, 'data', 'checkoutId'))).toEqual([
      'abandoned0000000000000000000000a',
    ]);
    expect(String(field(fired[0]?.detail, 'data', 'recoveryUrl'))).toContain('/recover');
    expect(Number(field(fired[0]?.detail, 'data', 'total'))).toBe(23898);
    expect(field(fired[0]?.detail, 'data', 'lineItems')).not.toHaveLength(0);
  });

  it('customers/redact erases through the contacts path; data_request stores an export', async () => {
    const request = await shopifyDeliver(
      'customers/data_request',
      text('shopify/customers/data_request.json'),
    );
    expect(request.status).toBe(200);
    const ready = events('contact.export.ready');
    expect(ready).toHaveLength(1);
    const exported = await api.get(`/v1/exports/${String(field(ready[0]?.detail, 'data', 'exportId'))}`);
    expect(field(exported.body, 'content', 'contact', 'email')).toBe('bob.norman@mail.example.com');

    await shopifyDeliver('customers/redact', text('shopify/customers/redact.json'));
    expect((await lookup('bob.norman@mail.example.com')).status).toBe(404);
    expect(events('contact.erased').length).toBeGreaterThan(0);
  });
});

describe('WooCommerce and Stripe end to end', () => {
  it('a WooCommerce order creates the contact and the order', async () => {
    const body = text('woocommerce/order.created.json');
    const res = await deliver(woo, body, {
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-signature': sign.woocommerce(wooSecret, body),
      'x-wc-webhook-delivery-id': 'woo-1',
      'x-wc-webhook-source': 'https://shop.example/',
    });
    expect(res.status).toBe(200);
    await stack.idle();
    const contact = await lookup('john.doe@example.com');
    expect(field(contact.body, 'purchases', 'totals', 'USD', 'spent')).toBe(2935);
  });

  it('a Stripe checkout.session.completed creates the contact and the order', async () => {
    const body = text('stripe/checkout.session.completed.json');
    const res = await deliver(stripe, body, {
      'stripe-signature': sign.stripe(stripeSecret, body, new Date()),
    });
    expect(res.status).toBe(200);
    await stack.idle();
    const contact = await lookup('lucia.garcia@example.com');
    expect(field(contact.body, 'purchases', 'totals', 'EUR', 'spent')).toBe(4990);
  });

  it('a WooCommerce ping is answered and stores nothing', async () => {
    const before = deliveriesStored();
    const res = await fetch(`${stack.apiUrl}/v1/webhooks/${ws}/${woo}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'webhook_id=15',
    });
    expect(res.status).toBe(200);
    await stack.idle();
    expect(deliveriesStored()).toBe(before);
  });
});
