/**
 * The signature of an outgoing webhook delivery, in the documented scheme (README, "Outgoing
 * webhooks"), like Stripe's:
 *
 *   ecrm-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<exact body>")>[,v1=<...>]
 *
 * The key is the secret as shown (`whsec_…`), its UTF-8 bytes. During a rotation's grace period every
 * live secret signs, so the header carries one `v1` per secret and a receiver holding either verifies.
 * The timestamp is signed with the body: a captured delivery cannot be replayed past the tolerance.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'ecrm-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, timestamp: number, body: string | Buffer): string =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');

/** The `ecrm-signature` value for `body` at `at`, one `v1` per secret (newest first). */
export const signatureHeader = (body: string, secrets: readonly string[], at: Date): string => {
  const t = Math.floor(at.getTime() / 1000);
  return [`t=${t}`, ...secrets.map((s) => `v1=${hmac(s, t, body)}`)].join(',');
};

const parseHeader = (header: string): { t: number; v1: string[] } | undefined => {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) v1.push(value);
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
};

/**
 * True when `header` (`ecrm-signature`) holds a valid `v1` signature of the exact `body` bytes under
 * `secret`, made at most `toleranceSeconds` from `now`. Compared in constant time.
 */
export const verifySignature = (
  body: string | Buffer,
  header: string,
  secret: string,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
  now: Date = new Date(),
): boolean => {
  const parsed = parseHeader(header);
  if (!parsed) return false;
  if (Math.abs(Math.floor(now.getTime() / 1000) - parsed.t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, parsed.t, body), 'hex');
  return parsed.v1.some((candidate) => timingSafeEqual(expected, Buffer.from(candidate, 'hex')));
};
