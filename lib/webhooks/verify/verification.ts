/**
 * What every provider's verifier shares: the input (the raw body bytes exactly as received, the
 * lower-cased headers, the connection's candidate secrets, the time), the result, and the HMAC and
 * constant-time primitives. Verifiers are pure: no I/O, no clock, no environment; they never throw on
 * hostile input and never parse a body before its signature has been checked.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** One signing secret of a connection. During a rotation grace period a connection has several. */
export interface CandidateSecret {
  /** Reported back when this secret verified, so the caller can tell when an old one stops being used. */
  readonly id: string;
  /** The secret as the provider shows it (Shopify/WooCommerce secret, Stripe `whsec_...`, ours). */
  readonly secret: string | Uint8Array;
}

export interface VerifyInput {
  /** The request body exactly as received (API Gateway base64 bodies decoded first, nothing else). */
  readonly body: Buffer;
  /** Request headers with lower-cased names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly secrets: readonly CandidateSecret[];
  /** Now, for the replay window of timestamped schemes (Stripe, generic). */
  readonly now: Date;
}

/** Why a delivery is refused (always 401 for the caller; the detail is for logs, never the response). */
export type RejectReason = 'missing' | 'malformed' | 'mismatch' | 'stale';

export interface Rejected {
  readonly ok: false;
  readonly reason: RejectReason;
  readonly detail: string;
}

/** Authentic, and we know what it is: dedupe on `deliveryId`, route on `topic`. */
export interface VerifiedDelivery {
  readonly ok: true;
  readonly ping: false;
  readonly identified: true;
  readonly secretId: string;
  readonly deliveryId: string;
  readonly topic: string;
  /**
   * The shop that says it sent this (Shopify `X-Shopify-Shop-Domain`, WooCommerce
   * `X-WC-Webhook-Source`). Not covered by those providers' signatures: informative only.
   */
  readonly source?: string;
  /** Shopify `X-Shopify-Triggered-At` (ISO UTC), when sent. Not covered by the signature. */
  readonly triggeredAt?: string;
  /** Stripe and generic: the signed `t=` timestamp (ISO UTC). */
  readonly signedAt?: string;
}

/**
 * Authentic, but we cannot tell which delivery or topic it is (a Stripe body that is not an event, a
 * Shopify delivery without its id header): keep it in quarantine, answer 2xx. `deliveryId` is
 * explicitly undefined so the caller has to choose its own key (e.g. a hash of the body).
 */
export interface VerifiedUnidentified {
  readonly ok: true;
  readonly ping: false;
  readonly identified: false;
  readonly secretId: string;
  readonly deliveryId: undefined;
  readonly topic: string | undefined;
  readonly problem: string;
}

/** WooCommerce's unsigned creation ping: answer 200, store nothing (see verify/woocommerce.ts). */
export interface WooCommercePing {
  readonly ok: true;
  readonly ping: true;
  readonly webhookId: string;
}

export type VerifyResult = VerifiedDelivery | VerifiedUnidentified | WooCommercePing | Rejected;

export const reject = (reason: RejectReason, detail: string): Rejected => ({ ok: false, reason, detail });

/** Longest signature header we look at; anything longer is malformed, not parsed. */
export const MAX_SIGNATURE_HEADER = 4096;

/** A header value, trimmed; absent and blank are the same. */
export const header = (headers: VerifyInput['headers'], name: string): string | undefined => {
  const value = headers[name]?.trim();
  return value ? value : undefined;
};

export const hmacSha256 = (secret: string | Uint8Array, ...parts: readonly (string | Uint8Array)[]) => {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
};

const SHA256_BYTES = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/** A base64 HMAC-SHA256 as bytes, or undefined when it is not strict base64 of exactly 32 bytes. */
export const decodeBase64Digest = (text: string): Buffer | undefined => {
  if (text.length > 64 || !BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === SHA256_BYTES ? bytes : undefined;
};

/** A hex HMAC-SHA256 as bytes, or undefined when it is not 64 hex digits. */
export const decodeHexDigest = (text: string): Buffer | undefined =>
  HEX_SHA256.test(text) ? Buffer.from(text, 'hex') : undefined;

/** Constant-time comparison of two digests (equal length by construction; checked anyway). */
export const sameDigest = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && timingSafeEqual(a, b);

const usable = (secrets: readonly CandidateSecret[]) => secrets.filter((s) => s.secret.length > 0);

/**
 * The id of the first candidate secret whose digest of `parts` equals one of `expected`. Every
 * candidate is computed and compared (no early exit), so timing does not reveal which one matched.
 * Empty secrets never match: an HMAC keyed with nothing authenticates nothing.
 */
export const matchSecret = (
  secrets: readonly CandidateSecret[],
  expected: readonly Uint8Array[],
  ...parts: readonly (string | Uint8Array)[]
): string | undefined => {
  let matched: string | undefined;
  for (const candidate of usable(secrets)) {
    const digest = hmacSha256(candidate.secret, ...parts);
    let hit = false;
    for (const signature of expected) hit = sameDigest(digest, signature) || hit;
    if (hit && matched === undefined) matched = candidate.id;
  }
  return matched;
};

export const noSecretsDetail = 'the connection has no usable signing secret';
export const hasUsableSecret = (secrets: readonly CandidateSecret[]) => usable(secrets).length > 0;

/** Replay window of the timestamped schemes, both ways (Stripe's default tolerance). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface TimestampedSignature {
  readonly timestamp: number;
  /** `t=` exactly as sent: it is what was signed. */
  readonly timestampText: string;
  readonly signatures: readonly Buffer[];
}

/**
 * Parses `t=<unix seconds>,v1=<hex>[,v1=<hex>...]` (Stripe's layout, also ours). Other schemes
 * (`v0=`, future ones) are ignored; a missing or repeated `t`, no `v1`, or any `v1` that is not a hex
 * SHA-256 is malformed.
 */
export const parseTimestampedSignature = (value: string): TimestampedSignature | Rejected => {
  if (value.length > MAX_SIGNATURE_HEADER) return reject('malformed', 'signature header too long');
  let timestamp: number | undefined;
  let timestampText = '';
  const signatures: Buffer[] = [];
  for (const item of value.split(',')) {
    const at = item.indexOf('=');
    if (at < 1) return reject('malformed', 'signature header items are key=value');
    const key = item.slice(0, at).trim();
    const text = item.slice(at + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined) return reject('malformed', 'more than one t= in the signature header');
      if (!/^\d{1,12}$/.test(text)) return reject('malformed', 't= is not a unix timestamp');
      timestamp = Number(text);
      timestampText = text;
    } else if (key === 'v1') {
      const digest = decodeHexDigest(text);
      if (!digest) return reject('malformed', 'v1= is not a hex HMAC-SHA256');
      signatures.push(digest);
    }
  }
  if (timestamp === undefined) return reject('malformed', 'no t= in the signature header');
  if (signatures.length === 0) return reject('malformed', 'no v1= signature in the signature header');
  return { timestamp, timestampText, signatures };
};

/** Whether `timestamp` (unix seconds) is within the replay window around `now`, either way. */
export const isFresh = (timestamp: number, now: Date, tolerance = SIGNATURE_TOLERANCE_SECONDS) =>
  Math.abs(now.getTime() / 1000 - timestamp) <= tolerance;

export const unixToIso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * The scheme Shopify and WooCommerce share: base64(HMAC-SHA256(secret, body)) in one header, nothing
 * else signed. The secret that matched, or why not.
 */
export const checkBase64BodyHmac = (
  input: VerifyInput,
  headerName: string,
  label: string,
): Rejected | { secretId: string } => {
  const signature = header(input.headers, headerName);
  if (!signature) return reject('missing', `no ${label} header`);
  const digest = decodeBase64Digest(signature);
  if (!digest) return reject('malformed', `${label} is not a base64 HMAC-SHA256`);
  if (!hasUsableSecret(input.secrets)) return reject('mismatch', noSecretsDetail);
  const secretId = matchSecret(input.secrets, [digest], input.body);
  return secretId ? { secretId } : reject('mismatch', `${label} does not match the body`);
};

/**
 * An authentic delivery, identified when its topic and delivery id are usable, otherwise marked for
 * quarantine with the reason (`missingTopic` / `missingId` name the headers for the log).
 */
export const deliveryResult = (d: {
  readonly secretId: string;
  readonly topic: string | undefined;
  readonly deliveryId: string | undefined;
  readonly topicPattern: RegExp;
  readonly idPattern: RegExp;
  readonly missingTopic: string;
  readonly missingId: string;
  readonly extra?: Pick<VerifiedDelivery, 'source' | 'triggeredAt' | 'signedAt'>;
}): VerifiedDelivery | VerifiedUnidentified => {
  const topic = d.topic && d.topicPattern.test(d.topic) ? d.topic : undefined;
  if (!topic || !d.deliveryId || !d.idPattern.test(d.deliveryId)) {
    return {
      ok: true,
      ping: false,
      identified: false,
      secretId: d.secretId,
      deliveryId: undefined,
      topic,
      problem: !topic ? d.missingTopic : d.missingId,
    };
  }
  return {
    ok: true,
    ping: false,
    identified: true,
    secretId: d.secretId,
    deliveryId: d.deliveryId,
    topic,
    ...d.extra,
  };
};
