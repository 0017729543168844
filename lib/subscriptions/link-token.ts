/**
 * The signed tokens in unsubscribe, preference and confirmation links: opaque to the reader, checked
 * with HMAC-SHA256 under the deployment's link key, and valid for years (a List-Unsubscribe URL must
 * still work 30+ days after the send, and people unsubscribe from mail they kept). Pure: the key and
 * the time come from the caller.
 *
 * Shape: `base64url(payload) "." base64url(HMAC-SHA256(key, payload))`, where the payload is
 * `1.<purpose>.<kid>.<workspace>.<contact>.<topic>.<message>.<issued-at, base36 seconds>` (empty topic
 * or message when absent). None of those parts holds a `.`, and each is re-validated on the way in,
 * so a token can name nothing but a workspace's contact. It carries ids only: never an email address.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { messageIdSchema } from '../email/message.schema.ts';
import { contactIdSchema } from '../shared/values/identity.schema.ts';
import { topicIdSchema } from '../workspaces/email-settings.schema.ts';
import { workspaceIdSchema } from '../workspaces/workspace.schema.ts';

/** What a link does: `u` unsubscribe / preferences, `c` confirm a double opt-in. */
export const LINK_PURPOSES = { unsubscribe: 'u', confirm: 'c' } as const;
export type LinkPurpose = keyof typeof LINK_PURPOSES;

/** How long a link keeps working: years, not days (a token is not a session). */
export const LINK_MAX_AGE_DAYS = 3 * 366;
/** Clock skew tolerated between the signer and the checker. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

export interface LinkKey {
  /** A short id of the key, in every token, so a key can be replaced while old links keep working. */
  readonly kid: string;
  readonly secret: Buffer;
}

export const linkKidSchema = z.string().regex(/^[0-9a-z]{4,16}$/, 'not a link key id');

export interface LinkClaims {
  readonly purpose: LinkPurpose;
  readonly workspaceId: string;
  readonly contactId: string;
  readonly topic?: string | undefined;
  /** The message the link was in, so an unsubscribe is counted on its campaign. */
  readonly messageId?: string | undefined;
  /** ISO time the link was signed. */
  readonly issuedAt: string;
}

/** A link that is not ours, was altered, names another purpose, or is too old. */
export class InvalidLinkError extends Error {
  override readonly name = 'InvalidLinkError';
}

const VERSION = '1';
const TOKEN = /^[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{43}$/;

const mac = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(payload).digest();

export const signLinkToken = (key: LinkKey, claims: Omit<LinkClaims, 'issuedAt'>, now: Date): string => {
  const parts = [
    VERSION,
    LINK_PURPOSES[claims.purpose],
    linkKidSchema.parse(key.kid),
    workspaceIdSchema.parse(claims.workspaceId),
    contactIdSchema.parse(claims.contactId),
    claims.topic === undefined ? '' : topicIdSchema.parse(claims.topic),
    claims.messageId === undefined ? '' : messageIdSchema.parse(claims.messageId),
    Math.floor(now.getTime() / 1000).toString(36),
  ];
  const payload = parts.join('.');
  return `${Buffer.from(payload).toString('base64url')}.${mac(key.secret, payload).toString('base64url')}`;
};

const payloadSchema = z.tuple([
  z.literal(VERSION),
  z.enum(['u', 'c']),
  linkKidSchema,
  workspaceIdSchema,
  contactIdSchema,
  z.union([z.literal(''), topicIdSchema]),
  z.union([z.literal(''), messageIdSchema]),
  z.string().regex(/^[0-9a-z]{1,10}$/),
]);

/**
 * The claims of a token signed with one of `keys` for `purpose`, or InvalidLinkError. The MAC is
 * compared in constant time before anything in the payload is believed.
 */
export const verifyLinkToken = (
  token: string,
  purpose: LinkPurpose,
  keyFor: (kid: string) => Buffer | undefined,
  now: Date,
): LinkClaims => {
  if (!TOKEN.test(token)) throw new InvalidLinkError('not a link token');
  const [encoded = '', signature = ''] = token.split('.');
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const kid = payload.split('.')[2] ?? '';
  const secret = linkKidSchema.safeParse(kid).success ? keyFor(kid) : undefined;
  if (!secret) throw new InvalidLinkError('signed with a key this deployment does not hold');
  // Compared as canonical text: base64 has spare bits, and a token must have exactly one spelling.
  const expected = Buffer.from(mac(secret, payload).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new InvalidLinkError('the signature does not match');
  if (Buffer.from(payload).toString('base64url') !== encoded)
    throw new InvalidLinkError('the payload is not canonical');
  const parsed = payloadSchema.safeParse(payload.split('.'));
  if (!parsed.success) throw new InvalidLinkError('the payload is malformed');
  const [, code, , workspaceId, contactId, topic, messageId, issued] = parsed.data;
  if (code !== LINK_PURPOSES[purpose]) throw new InvalidLinkError(`not a ${purpose} link`);
  const issuedMs = Number.parseInt(issued, 36) * 1000;
  if (issuedMs > now.getTime() + FUTURE_SKEW_MS) throw new InvalidLinkError('issued in the future');
  if (now.getTime() - issuedMs > LINK_MAX_AGE_DAYS * 86_400_000) throw new InvalidLinkError('too old');
  return {
    purpose,
    workspaceId,
    contactId,
    ...(topic ? { topic } : {}),
    ...(messageId ? { messageId } : {}),
    issuedAt: new Date(issuedMs).toISOString(),
  };
};
