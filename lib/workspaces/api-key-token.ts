/**
 * API key tokens: `ecrm.<workspaceId>.<keyId>.<secret>`. The workspace and key id let the authorizer
 * find the key with one GetItem inside the workspace's partition; only a SHA-256 of the 192-bit
 * secret is stored (a slow hash adds nothing for a random secret of that size).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { newId, randomToken } from '../shared/ids.ts';

export interface ParsedToken {
  readonly workspaceId: string;
  readonly keyId: string;
  readonly secret: string;
}

const TOKEN = /^ecrm\.(ws_[a-z0-9_]{3,40})\.(k_[0-9a-z]{26})\.([0-9a-z]{39})$/;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const mintToken = (
  workspaceId: string,
  now: Date,
): { token: string; keyId: string; secretHash: string } => {
  const keyId = newId('k', now);
  const secret = randomToken(24);
  return { token: `ecrm.${workspaceId}.${keyId}.${secret}`, keyId, secretHash: hashSecret(secret) };
};

/** Parse a bearer token; undefined when it is not shaped like one of ours. */
export const parseToken = (value: string | undefined): ParsedToken | undefined => {
  if (!value) return undefined;
  const token = value.startsWith('Bearer ') ? value.slice(7).trim() : value.trim();
  const match = TOKEN.exec(token);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { workspaceId: match[1], keyId: match[2], secret: match[3] };
};

/** Constant-time comparison of a presented secret with a stored hash. */
export const secretMatches = (secret: string, storedHash: string): boolean => {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
};
