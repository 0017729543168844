import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CandidateSecret,
  parseWebhookJson,
  SIGNATURE_TOLERANCE_SECONDS,
  sign,
  type VerifyInput,
  verifyDelivery,
  verifyGeneric,
  verifyShopify,
  verifyStripe,
  verifyWooCommerce,
} from '../../lib/webhooks/verify/index.ts';

const fixture = (path: string): Buffer =>
  readFileSync(new URL(`../fixtures/webhooks/${path}`, import.meta.url));

const NOW = new Date('2024-06-02T20:00:00.000Z');
const CURRENT: CandidateSecret = { id: 'sec_current', secret: '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' };
const OLD: CandidateSecret = { id: 'sec_old', secret: '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' };
const OTHER_CONNECTION = 'shpss_other_connection_secret_value_1';

const input = (
  body: Buffer,
  headers: Record<string, string | undefined>,
  secrets: readonly CandidateSecret[] = [CURRENT],
  now = NOW,
): VerifyInput => ({ body, headers, secrets, now });

const flipLastByte = (body: Buffer) => {
  const copy = Buffer.from(body);
  const last = copy.length - 1;
  copy[last] = (copy[last] ?? 0) ^ 0x01;
  return copy;
};

describe('signers', () => {
  it('compute the HMAC-SHA256 of RFC 4231-style known vectors', () => {
    const message = 'The quick brown fox jumps over the lazy dog';
    expect(sign.shopify('key', message)).toBe('97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=');
    expect(sign.woocommerce('key', Buffer.from(message))).toBe(
      '97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=',
    );
  });

  it('sign Stripe payloads as t.body, hex', () => {
    const header = sign.stripe('whsec_test', '{"id":"evt_1"}', new Date('2024-06-02T20:00:00Z'));
    const expected = createHmac('sha256', 'whsec_test').update('1717358400.{"id":"evt_1"}').digest('hex');
    expect(header).toBe(`t=1717358400,v1=${expected}`);
  });

  it('sign generic deliveries over t.deliveryId.topic.body', () => {
    const header = sign.generic('secret', {
      body: '{}',
      deliveryId: 'd-1',
      topic: 'order.upsert',
      at: new Date('2024-06-02T20:00:00Z'),
    });
    const expected = createHmac('sha256', 'secret').update('1717358400.d-1.order.upsert.{}').digest('hex');
    expect(header).toBe(`t=1717358400,v1=${expected}`);
  });
});

describe('Shopify verification', () => {
  const body = fixture('shopify/orders/create.json');
  const headers = (
    signature: string | undefined,
    extra: Record<string, string> = {},
  ): Record<string, string | undefined> => ({
    'x-shopify-hmac-sha256': signature,
    'x-shopify-topic': 'orders/create',
    'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
    'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'x-shopify-shop-domain': 'snowdevil.myshopify.com',
    'x-shopify-triggered-at': '2024-06-02T19:59:42.877041743Z',
    'x-shopify-api-version': '2024-07',
    ...extra,
  });

  it('accepts the exact bytes signed with the connection secret', () => {
    const result = verifyShopify(input(body, headers(sign.shopify(CURRENT.secret, body))));
    expect(result).toEqual({
      ok: true,
      ping: false,
      identified: true,
      secretId: 'sec_current',
      deliveryId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
      topic: 'orders/create',
      source: 'snowdevil.myshopify.com',
      triggeredAt: '2024-06-02T19:59:42.877Z',
    });
  });

  it('falls back to X-Shopify-Webhook-Id when there is no event id', () => {
    const h = headers(sign.shopify(CURRENT.secret, body));
    h['x-shopify-event-id'] = undefined;
    const result = verifyShopify(input(body, h));
    expect(result.ok && !result.ping && result.deliveryId).toBe('b54557e4-bdd9-4b37-8a5f-bf7d70bcd043');
  });

  it('refuses a forged body, a wrong secret and another connection’s signature as mismatch', () => {
    const signature = sign.shopify(CURRENT.secret, body);
    expect(verifyShopify(input(flipLastByte(body), headers(signature)))).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyShopify(input(body, headers(sign.shopify('not-the-secret', body))))).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyShopify(input(body, headers(sign.shopify(OTHER_CONNECTION, body))))).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a missing or blank header as missing', () => {
    expect(verifyShopify(input(body, headers(undefined)))).toMatchObject({ ok: false, reason: 'missing' });
    expect(verifyShopify(input(body, headers('   ')))).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('refuses signatures that are not base64 of 32 bytes as malformed, without throwing', () => {
    const hexOfTheRightDigest = createHmac('sha256', CURRENT.secret).update(body).digest('hex');
    const correct = sign.shopify(CURRENT.secret, body);
    for (const bad of [
      'not base64 at all!',
      hexOfTheRightDigest, // valid base64 alphabet, but 48 bytes
      Buffer.alloc(16).toString('base64'), // too short
      `${correct}AAAA`, // too long
      `${correct.slice(0, 10)} ${correct.slice(10)}`, // Node would skip the space: we do not
      correct.replace(/=$/, ''), // unpadded
      'x'.repeat(100_000),
    ]) {
      expect(verifyShopify(input(body, headers(bad))), bad.slice(0, 20)).toMatchObject({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('accepts the old secret while it is listed (rotation) and reports which one matched', () => {
    const signedWithOld = headers(sign.shopify(OLD.secret, body));
    expect(verifyShopify(input(body, signedWithOld, [CURRENT, OLD]))).toMatchObject({
      ok: true,
      secretId: 'sec_old',
    });
    expect(verifyShopify(input(body, signedWithOld, [CURRENT]))).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('verifies the decoded bytes of an API Gateway base64 body, not its base64 text', () => {
    const signature = sign.shopify(CURRENT.secret, body);
    const apiGatewayBody = body.toString('base64');
    expect(verifyShopify(input(Buffer.from(apiGatewayBody, 'base64'), headers(signature))).ok).toBe(true);
    expect(verifyShopify(input(Buffer.from(apiGatewayBody, 'utf8'), headers(signature)))).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('signs bytes, not text: a body that is not UTF-8 still verifies byte for byte', () => {
    const latin1 = Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]); // {"n":"é"} in Latin-1
    const result = verifyShopify(input(latin1, headers(sign.shopify(CURRENT.secret, latin1))));
    expect(result.ok).toBe(true);
    expect(
      verifyShopify(
        input(Buffer.from(latin1.toString('utf8')), headers(sign.shopify(CURRENT.secret, latin1))),
      ),
    ).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('returns an authentic delivery without topic or id as unidentified, for quarantine', () => {
    const h = headers(sign.shopify(CURRENT.secret, body));
    h['x-shopify-event-id'] = undefined;
    h['x-shopify-webhook-id'] = undefined;
    expect(verifyShopify(input(body, h))).toEqual({
      ok: true,
      ping: false,
      identified: false,
      secretId: 'sec_current',
      deliveryId: undefined,
      topic: 'orders/create',
      problem: 'no usable X-Shopify-Event-Id or X-Shopify-Webhook-Id header',
    });
  });

  it('never verifies with an empty secret or none', () => {
    const keyedWithNothing = sign.shopify('', body);
    expect(
      verifyShopify(input(body, headers(keyedWithNothing), [{ id: 'empty', secret: '' }])),
    ).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyShopify(input(body, headers(keyedWithNothing), []))).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });
});

describe('WooCommerce verification', () => {
  const body = fixture('woocommerce/order.created.json');
  const headers = (signature: string | undefined) => ({
    'content-type': 'application/json',
    'user-agent': 'WooCommerce/8.9.1 Hookshot (WordPress/6.5.3)',
    'x-wc-webhook-source': 'https://example.com/',
    'x-wc-webhook-topic': 'order.created',
    'x-wc-webhook-resource': 'order',
    'x-wc-webhook-event': 'created',
    'x-wc-webhook-signature': signature,
    'x-wc-webhook-id': '12',
    'x-wc-webhook-delivery-id': '1b4c9e2f0d8a7b6c5d4e3f2a1b0c9d8e',
  });

  it('accepts a signed delivery and reports topic, delivery id and site', () => {
    expect(verifyWooCommerce(input(body, headers(sign.woocommerce(CURRENT.secret, body))))).toEqual({
      ok: true,
      ping: false,
      identified: true,
      secretId: 'sec_current',
      deliveryId: '1b4c9e2f0d8a7b6c5d4e3f2a1b0c9d8e',
      topic: 'order.created',
      source: 'https://example.com/',
    });
  });

  it('refuses forged bodies, wrong secrets and malformed signatures', () => {
    const signature = sign.woocommerce(CURRENT.secret, body);
    expect(verifyWooCommerce(input(flipLastByte(body), headers(signature)))).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyWooCommerce(input(body, headers(sign.woocommerce(OTHER_CONNECTION, body))))).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyWooCommerce(input(body, headers('%%%')))).toMatchObject({ reason: 'malformed' });
    expect(verifyWooCommerce(input(body, headers(undefined)))).toMatchObject({ reason: 'missing' });
  });

  it('recognises the unsigned creation ping, and nothing else unsigned', () => {
    const ping = Buffer.from('webhook_id=12');
    const pingHeaders = { 'user-agent': 'WooCommerce/8.9.1 Hookshot (WordPress/6.5.3)' };
    expect(verifyWooCommerce(input(ping, pingHeaders))).toEqual({ ok: true, ping: true, webhookId: '12' });
    for (const other of [
      'webhook_id=12&topic=order.created',
      'webhook_id=',
      'webhook_id=12\n',
      '{"webhook_id":12}',
    ]) {
      expect(verifyWooCommerce(input(Buffer.from(other), pingHeaders)), other).toMatchObject({
        ok: false,
        reason: 'missing',
      });
    }
    // A ping body with a (bad) signature is verified like any delivery, not waved through.
    expect(
      verifyWooCommerce(input(ping, { 'x-wc-webhook-signature': sign.woocommerce('x', ping) })),
    ).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });
});

describe('Stripe verification', () => {
  const body = fixture('stripe/checkout.session.completed.json');
  const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);
  const stripeHeaders = (value: string | undefined) => ({ 'stripe-signature': value });
  const STRIPE: CandidateSecret = { id: 'whsec_a', secret: 'whsec_4eC39HqLyjWDarjtT1zdp7dc' };
  const STRIPE_OLD: CandidateSecret = { id: 'whsec_b', secret: 'whsec_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6' };
  const verify = (b: Buffer, value: string | undefined, secrets = [STRIPE]) =>
    verifyStripe(input(b, stripeHeaders(value), secrets));

  it('accepts a fresh signature and takes the delivery id and topic from the verified event', () => {
    expect(verify(body, sign.stripe(STRIPE.secret, body, NOW))).toEqual({
      ok: true,
      ping: false,
      identified: true,
      secretId: 'whsec_a',
      deliveryId: 'evt_1PKm3vLkdIwHu7ixQh2lXeJr',
      topic: 'checkout.session.completed',
      signedAt: '2024-06-02T20:00:00.000Z',
    });
  });

  it('accepts any v1 that matches any candidate secret, and ignores v0', () => {
    const t = Math.floor(NOW.getTime() / 1000);
    const v1 = (secret: string | Uint8Array) =>
      createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
    const header = `t=${t},v1=${v1('whsec_someone_else')},v1=${v1(STRIPE_OLD.secret)},v0=${'0'.repeat(64)}`;
    expect(verify(body, header, [STRIPE, STRIPE_OLD])).toMatchObject({ ok: true, secretId: 'whsec_b' });
    expect(verify(body, header, [STRIPE])).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('accepts ±4 minutes and refuses ±6 minutes as stale', () => {
    expect(SIGNATURE_TOLERANCE_SECONDS).toBe(300);
    for (const offset of [-240, 240, -300, 300]) {
      expect(verify(body, sign.stripe(STRIPE.secret, body, at(offset))).ok, String(offset)).toBe(true);
    }
    for (const offset of [-360, 360, -301]) {
      expect(verify(body, sign.stripe(STRIPE.secret, body, at(offset))), String(offset)).toMatchObject({
        ok: false,
        reason: 'stale',
      });
    }
  });

  it('reports a stale forgery as a mismatch (the signature is checked first)', () => {
    expect(verify(body, sign.stripe('whsec_wrong', body, at(-3600)))).toMatchObject({ reason: 'mismatch' });
  });

  it('refuses a replay with a rewritten timestamp', () => {
    const old = sign.stripe(STRIPE.secret, body, at(-3600));
    const rewritten = old.replace(/^t=\d+/, `t=${Math.floor(NOW.getTime() / 1000)}`);
    expect(verify(body, rewritten)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('refuses a forged body and another endpoint’s secret', () => {
    const header = sign.stripe(STRIPE.secret, body, NOW);
    expect(verify(flipLastByte(body), header)).toMatchObject({ reason: 'mismatch' });
    expect(verify(body, sign.stripe('whsec_other_endpoint', body, NOW))).toMatchObject({
      reason: 'mismatch',
    });
  });

  it('refuses malformed headers without throwing', () => {
    const v1 = sign.stripe(STRIPE.secret, body, NOW).split(',')[1] ?? '';
    const t = `t=${Math.floor(NOW.getTime() / 1000)}`;
    for (const bad of [
      'garbage',
      v1, // no t
      `t=abc,${v1}`,
      `t=-5,${v1}`,
      `t=,${v1}`,
      `${t},${t},${v1}`,
      t, // no v1
      `${t},v1=xyz`,
      `${t},v1=${'a'.repeat(63)}`,
      `${t},v1=${'a'.repeat(66)}`,
      `${t},${v1},v1=nothex`,
      `${t},=oops,${v1}`,
      `${t},${'v1=ab,'.repeat(2000)}`,
    ]) {
      expect(verify(body, bad), bad.slice(0, 40)).toMatchObject({ ok: false, reason: 'malformed' });
    }
    expect(verify(body, undefined)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('returns a verified body that is not a Stripe event as unidentified, with deliveryId undefined', () => {
    const notJson = Buffer.from('<html>hello</html>');
    expect(verify(notJson, sign.stripe(STRIPE.secret, notJson, NOW))).toMatchObject({
      ok: true,
      ping: false,
      identified: false,
      deliveryId: undefined,
      topic: undefined,
      secretId: 'whsec_a',
    });
    const notEvent = Buffer.from('{"hello":"world"}');
    const result = verify(notEvent, sign.stripe(STRIPE.secret, notEvent, NOW));
    expect(result).toMatchObject({ ok: true, identified: false, deliveryId: undefined });
    expect(result.ok && !result.ping && !result.identified ? result.problem : '').toMatch(
      /not a Stripe event/,
    );
  });
});

describe('generic verification', () => {
  const body = fixture('generic/order.upsert.json');
  const SECRET: CandidateSecret = { id: 'gen_1', secret: 'ecrm_whs_8d1f3b7a2c9e4f60' };
  const delivery = { body, deliveryId: 'ord-10077:v3', topic: 'order.upsert', at: NOW };
  const lower = (h: Record<string, string>) =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  const signed = (overrides: Partial<typeof delivery> = {}) =>
    lower(sign.genericHeaders(SECRET.secret, { ...delivery, ...overrides }));

  it('accepts what genericHeaders signs', () => {
    expect(verifyGeneric(input(body, signed(), [SECRET]))).toEqual({
      ok: true,
      ping: false,
      identified: true,
      secretId: 'gen_1',
      deliveryId: 'ord-10077:v3',
      topic: 'order.upsert',
      signedAt: '2024-06-02T20:00:00.000Z',
    });
  });

  it('signs the delivery id and topic: changing either is a mismatch', () => {
    const h = signed();
    expect(
      verifyGeneric(input(body, { ...h, 'x-ecrm-delivery-id': 'ord-10077-v4' }, [SECRET])),
    ).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyGeneric(input(body, { ...h, 'x-ecrm-topic': 'order.refund' }, [SECRET]))).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyGeneric(input(flipLastByte(body), h, [SECRET]))).toMatchObject({ reason: 'mismatch' });
  });

  it('refuses missing headers, malformed ids and topics, and stale signatures', () => {
    const h = signed();
    expect(verifyGeneric(input(body, { ...h, 'x-ecrm-delivery-id': '' }, [SECRET]))).toMatchObject({
      reason: 'missing',
    });
    expect(verifyGeneric(input(body, { ...h, 'x-ecrm-topic': undefined }, [SECRET]))).toMatchObject({
      reason: 'missing',
    });
    expect(verifyGeneric(input(body, signed({ deliveryId: 'has.dots' }), [SECRET]))).toMatchObject({
      reason: 'malformed',
    });
    expect(verifyGeneric(input(body, signed({ topic: 'order' }), [SECRET]))).toMatchObject({
      reason: 'malformed',
    });
    expect(
      verifyGeneric(input(body, signed({ at: new Date(NOW.getTime() - 360_000) }), [SECRET])),
    ).toMatchObject({
      reason: 'stale',
    });
    expect(verifyGeneric(input(body, signed({ at: new Date(NOW.getTime() + 240_000) }), [SECRET])).ok).toBe(
      true,
    );
  });
});

describe('verifyDelivery', () => {
  it('dispatches on the connection kind: a Shopify-signed body is not a Stripe delivery', () => {
    const body = fixture('shopify/customers/create.json');
    const headers = {
      'x-shopify-hmac-sha256': sign.shopify(CURRENT.secret, body),
      'x-shopify-topic': 'customers/create',
    };
    expect(verifyDelivery('stripe', input(body, headers))).toMatchObject({ ok: false, reason: 'missing' });
    expect(verifyDelivery('shopify', input(body, headers))).toMatchObject({ ok: true, identified: false });
  });
});

describe('parseWebhookJson', () => {
  it('keeps integers beyond 2^53 as their exact digits and leaves other numbers alone', () => {
    const parsed = parseWebhookJson(
      Buffer.from('{"id":820982911946154508,"n":42,"p":19.99,"neg":-9007199254740993}'),
    );
    expect(parsed).toEqual({ id: '820982911946154508', n: 42, p: 19.99, neg: '-9007199254740993' });
  });

  it('throws a SyntaxError on bytes that are not UTF-8 JSON', () => {
    expect(() => parseWebhookJson(Buffer.from([0x7b, 0xff, 0x7d]))).toThrow(SyntaxError);
    expect(() => parseWebhookJson(Buffer.from('webhook_id=12'))).toThrow(SyntaxError);
  });
});
