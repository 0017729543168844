/**
 * WooCommerce: `X-WC-Webhook-Signature` is base64(HMAC-SHA256(secret, raw body)) — WC_Webhook::
 * generate_signature() over the JSON exactly as sent. (WooCommerce keys the HMAC with the secret
 * after wp_specialchars_decode(), i.e. the secret as the merchant typed it, which is what we store.)
 * Topic in `X-WC-Webhook-Topic` (`order.created`), delivery id in `X-WC-Webhook-Delivery-ID`, site in
 * `X-WC-Webhook-Source`. As with Shopify only the body is signed and there is no timestamp.
 *
 * The ping. When a webhook is saved as active, WooCommerce (WC_Webhook::deliver_ping()) POSTs the
 * form-encoded body `webhook_id=<id>` with none of the X-WC-Webhook-* headers and **no signature**,
 * and refuses to activate the webhook unless the answer is 200. It cannot be authenticated. We still
 * recognise it — only when there is no signature header and the body is exactly `webhook_id=<digits>`
 * — because it is harmless: the caller answers 200 and stores, dedupes and applies nothing, so a
 * forged ping changes no state and learns nothing a 401 would not tell (that the URL exists). Any
 * other unsigned body is refused as `missing`.
 */
import {
  checkBase64BodyHmac,
  deliveryResult,
  header,
  hmacSha256,
  type VerifyInput,
  type VerifyResult,
} from './verification.ts';

const PING = /^webhook_id=(\d{1,20})$/;
const TOPIC = /^[a-z0-9_]+\.[a-z0-9_.]+$/;
const DELIVERY_ID = /^[A-Za-z0-9._:-]{1,200}$/;

const pingOf = (body: Buffer): string | undefined =>
  body.length <= 40 ? PING.exec(body.toString('latin1'))?.[1] : undefined;

export const verifyWooCommerce = (input: VerifyInput): VerifyResult => {
  if (!header(input.headers, 'x-wc-webhook-signature')) {
    const webhookId = pingOf(input.body);
    if (webhookId !== undefined) return { ok: true, ping: true, webhookId };
  }
  const checked = checkBase64BodyHmac(input, 'x-wc-webhook-signature', 'X-WC-Webhook-Signature');
  if ('ok' in checked) return checked;
  const source = header(input.headers, 'x-wc-webhook-source');
  return deliveryResult({
    secretId: checked.secretId,
    topic: header(input.headers, 'x-wc-webhook-topic'),
    deliveryId: header(input.headers, 'x-wc-webhook-delivery-id'),
    topicPattern: TOPIC,
    idPattern: DELIVERY_ID,
    missingTopic: 'no usable X-WC-Webhook-Topic header',
    missingId: 'no usable X-WC-Webhook-Delivery-ID header',
    extra: source ? { source } : {},
  });
};

/** base64(HMAC-SHA256(secret, body)): the value of `X-WC-Webhook-Signature`. */
export const signWooCommerce = (secret: string | Uint8Array, body: string | Uint8Array): string =>
  hmacSha256(secret, body).toString('base64');
