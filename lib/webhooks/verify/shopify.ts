/**
 * Shopify: `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(secret, raw body)), the secret being the
 * app's client secret (or the signing key shown under Settings → Notifications → Webhooks for
 * webhooks created in the admin).
 *
 * Only the body is signed. `X-Shopify-Topic`, `X-Shopify-Event-Id` / `X-Shopify-Webhook-Id`,
 * `X-Shopify-Shop-Domain` and `X-Shopify-Triggered-At` are not, and there is no timestamp: a captured
 * delivery can be replayed, with its headers changed, for as long as the secret is valid. The
 * mappers therefore check that a body has the shape of the topic it claims (an order body does not
 * pass as `customers/redact`), and the caller dedupes on the delivery id.
 */
import {
  checkBase64BodyHmac,
  deliveryResult,
  header,
  hmacSha256,
  type VerifyInput,
  type VerifyResult,
} from './verification.ts';

const TOPIC = /^[a-z0-9_]+(?:\/[a-z0-9_]+)+$/;
const DELIVERY_ID = /^[A-Za-z0-9._:-]{1,200}$/;

const isoOrUndefined = (value: string | undefined): string | undefined => {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

export const verifyShopify = (input: VerifyInput): VerifyResult => {
  const checked = checkBase64BodyHmac(input, 'x-shopify-hmac-sha256', 'X-Shopify-Hmac-Sha256');
  if ('ok' in checked) return checked;
  const source = header(input.headers, 'x-shopify-shop-domain');
  const triggeredAt = isoOrUndefined(header(input.headers, 'x-shopify-triggered-at'));
  return deliveryResult({
    secretId: checked.secretId,
    topic: header(input.headers, 'x-shopify-topic'),
    // X-Shopify-Event-Id is the same for every delivery of one event (retries and duplicate
    // subscriptions alike); older deliveries only carry X-Shopify-Webhook-Id.
    deliveryId: header(input.headers, 'x-shopify-event-id') ?? header(input.headers, 'x-shopify-webhook-id'),
    topicPattern: TOPIC,
    idPattern: DELIVERY_ID,
    missingTopic: 'no usable X-Shopify-Topic header',
    missingId: 'no usable X-Shopify-Event-Id or X-Shopify-Webhook-Id header',
    extra: { ...(source ? { source } : {}), ...(triggeredAt ? { triggeredAt } : {}) },
  });
};

/** base64(HMAC-SHA256(secret, body)): the value of `X-Shopify-Hmac-Sha256`. */
export const signShopify = (secret: string | Uint8Array, body: string | Uint8Array): string =>
  hmacSha256(secret, body).toString('base64');
