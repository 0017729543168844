/**
 * PKCE (RFC 7636) and the OAuth state: a random verifier whose S256 challenge goes to the authorize
 * endpoint, the verifier itself only to the token endpoint, from the server. Both are 256 random bits.
 */
import { createHash, randomBytes } from 'node:crypto';

export const randomVerifier = (): string => randomBytes(32).toString('base64url');

export const s256Challenge = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

export const randomState = (): string => randomBytes(32).toString('base64url');
