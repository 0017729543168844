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

export { fixture, woo };
