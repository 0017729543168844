/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...][,v0=<hex>]`, where each v1 is
 * hex(HMAC-SHA256(endpoint secret, `${t}.${raw body}`)) and the endpoint secret is the `whsec_...`
 * string, used as is. Stripe lists several v1 while it rolls an endpoint secret; any v1 matching any
 * candidate secret passes. `v0` (a test-mode scheme) is ignored. The timestamp is signed, so a replay
 * is refused outside ±300 s of `now` (`stale`, reported only once the signature matched).
 *
 * The delivery id and topic are the event's `id` and `type`, inside the body: the body is parsed
 * only after the signature matched, and a verified body that is not a Stripe event comes back as
 * `identified: false` for the caller to quarantine.
 */
import * as z from 'zod';
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
import { parseWebhookJson } from './webhook-json.ts';

const stripeEventHead = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
});

const headOf = (body: Buffer): z.infer<typeof stripeEventHead> | string => {
  let parsed: unknown;
  try {
    parsed = parseWebhookJson(body);
  } catch (error) {
    return `body is not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const head = stripeEventHead.safeParse(parsed);
  return head.success ? head.data : 'body is not a Stripe event (no string id and type)';
};

export const verifyStripe = (input: VerifyInput): VerifyResult => {
  const value = header(input.headers, 'stripe-signature');
  if (!value) return reject('missing', 'no Stripe-Signature header');
  const parsed = parseTimestampedSignature(value);
  if ('ok' in parsed) return parsed;
  if (!hasUsableSecret(input.secrets)) return reject('mismatch', noSecretsDetail);
  const secretId = matchSecret(input.secrets, parsed.signatures, `${parsed.timestampText}.`, input.body);
  if (!secretId) return reject('mismatch', 'no v1 signature matches the body');
  if (!isFresh(parsed.timestamp, input.now)) {
    return reject(
      'stale',
      `t=${parsed.timestampText} is more than ${SIGNATURE_TOLERANCE_SECONDS} s from now`,
    );
  }
  const head = headOf(input.body);
  if (typeof head === 'string') {
    return {
      ok: true,
      ping: false,
      identified: false,
      secretId,
      deliveryId: undefined,
      topic: undefined,
      problem: head,
    };
  }
  return {
    ok: true,
    ping: false,
    identified: true,
    secretId,
    deliveryId: head.id,
    topic: head.type,
    signedAt: unixToIso(parsed.timestamp),
  };
};

/** The `Stripe-Signature` value for `body` signed at `at`: `t=<unix>,v1=<hex>`. */
export const signStripe = (secret: string | Uint8Array, body: string | Uint8Array, at: Date): string => {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacSha256(secret, `${t}.`, body).toString('hex')}`;
};
