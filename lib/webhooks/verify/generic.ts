/**
 * The generic scheme, ours, for custom shops. Stripe-like, but the delivery id and topic are signed
 * too (they travel in headers, and an unsigned id would let a captured delivery be replayed under a
 * new id within the window and defeat deduplication):
 *
 * ```
 * X-Ecrm-Delivery-Id: <1-128 of A-Z a-z 0-9 _ : ->   unique per event, the same on every retry
 * X-Ecrm-Topic:       customer.upsert | order.upsert | order.refund | checkout.upsert
 * X-Ecrm-Signature:   t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=<hex>...]
 *
 * v1 = hex(HMAC-SHA256(secret, `${t}.${deliveryId}.${topic}.${rawBody}`))
 * ```
 *
 * `t` must be within ±300 s of our clock (sign each attempt afresh, retries included). Several v1 may
 * be sent (e.g. signed with the old and the new secret during a rotation); one match is enough. The
 * delivery id has no dots and the topic exactly one, so the signed string cannot be re-split into a
 * different (id, topic, body). The body is JSON in the shape documented in mappers/generic.ts.
 */
import {
  hasUsableSecret,
  header,
  hmacSha256,
  isFresh,
  matchSecret,
  noSecretsDetail,
  parseTimestampedSignature,
  reject,
  SIGNATURE_TOLERANCE_SECONDS,
  unixToIso,
  type VerifyInput,
  type VerifyResult,
} from './verification.ts';

export const GENERIC_DELIVERY_ID = /^[A-Za-z0-9_:-]{1,128}$/;
export const GENERIC_TOPIC = /^[a-z][a-z_]{0,40}\.[a-z][a-z_]{0,40}$/;

export const verifyGeneric = (input: VerifyInput): VerifyResult => {
  const value = header(input.headers, 'x-ecrm-signature');
  if (!value) return reject('missing', 'no X-Ecrm-Signature header');
  const deliveryId = header(input.headers, 'x-ecrm-delivery-id');
  if (!deliveryId) return reject('missing', 'no X-Ecrm-Delivery-Id header');
  const topic = header(input.headers, 'x-ecrm-topic');
  if (!topic) return reject('missing', 'no X-Ecrm-Topic header');
  const parsed = parseTimestampedSignature(value);
  if ('ok' in parsed) return parsed;
  if (!GENERIC_DELIVERY_ID.test(deliveryId)) {
    return reject('malformed', 'X-Ecrm-Delivery-Id is 1-128 of A-Z a-z 0-9 _ : -');
  }
  if (!GENERIC_TOPIC.test(topic)) return reject('malformed', 'X-Ecrm-Topic is <resource>.<action>');
  if (!hasUsableSecret(input.secrets)) return reject('mismatch', noSecretsDetail);
  const secretId = matchSecret(
    input.secrets,
    parsed.signatures,
    `${parsed.timestampText}.${deliveryId}.${topic}.`,
    input.body,
  );
  if (!secretId) return reject('mismatch', 'no v1 signature matches the delivery');
  if (!isFresh(parsed.timestamp, input.now)) {
    return reject(
      'stale',
      `t=${parsed.timestampText} is more than ${SIGNATURE_TOLERANCE_SECONDS} s from now`,
    );
  }
  return {
    ok: true,
    ping: false,
    identified: true,
    secretId,
    deliveryId,
    topic,
    signedAt: unixToIso(parsed.timestamp),
  };
};

export interface GenericDelivery {
  readonly body: string | Uint8Array;
  readonly deliveryId: string;
  readonly topic: string;
  /** Signing time; use the current time for every attempt. */
  readonly at: Date;
}

/** The `X-Ecrm-Signature` value for a delivery: `t=<unix>,v1=<hex>`. */
export const signGeneric = (secret: string | Uint8Array, delivery: GenericDelivery): string => {
  const t = Math.floor(delivery.at.getTime() / 1000);
  const mac = hmacSha256(secret, `${t}.${delivery.deliveryId}.${delivery.topic}.`, delivery.body);
  return `t=${t},v1=${mac.toString('hex')}`;
};

/** All three headers of a generic delivery, ready to send. */
export const genericHeaders = (secret: string | Uint8Array, delivery: GenericDelivery) => ({
  'X-Ecrm-Delivery-Id': delivery.deliveryId,
  'X-Ecrm-Topic': delivery.topic,
  'X-Ecrm-Signature': signGeneric(secret, delivery),
});
