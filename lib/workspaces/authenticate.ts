/**
 * Authentication of API requests, done inside every HTTP function (no Lambda authorizer): the bearer
 * token resolves to its key with one GetItem in the workspace's partition, kept in the container for
 * at most `ttlMs` so that a revoked key stops working within that bound everywhere (and at once in the
 * container that revoked it). Bad or missing credentials are `UnauthorizedError` (401); the scope
 * check that follows is the caller's (403).
 */
import type { Clock } from '../shared/clock.ts';
import { UnauthorizedError } from '../shared/errors.ts';
import { parseToken, secretMatches } from './api-key-token.ts';
import type { ApiKey } from './workspace.schema.ts';
import type { WorkspacesRepository } from './workspaces.repository.ts';

/** How long a container trusts a key it read: the revocation delay is at most this. */
export const KEY_CACHE_MS = 30_000;
const MAX_CACHED_KEYS = 1_000;

export interface AuthenticatedKey {
  readonly workspaceId: string;
  readonly keyId: string;
  readonly scopes: ApiKey['scopes'];
  /** Browser origins this key may be used from; absent means any. */
  readonly allowedOrigins?: readonly string[];
}

export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<AuthenticatedKey>;
  /** Drop a key from this container's cache (after revoking it here). */
  forget(workspaceId: string, keyId: string): void;
}

export const authenticator = (
  deps: { readonly workspaces: Pick<WorkspacesRepository, 'getKey'>; readonly clock: Clock },
  options: { readonly ttlMs?: number } = {},
): Authenticator => {
  const ttlMs = Math.min(options.ttlMs ?? KEY_CACHE_MS, KEY_CACHE_MS);
  // Found keys only (revoked ones included): unknown ids are not cached, so made-up ids cannot fill it.
  const cache = new Map<string, { key: ApiKey; until: number }>();
  const cacheKey = (workspaceId: string, keyId: string) => `${workspaceId}/${keyId}`;

  const load = async (workspaceId: string, keyId: string): Promise<ApiKey | undefined> => {
    const id = cacheKey(workspaceId, keyId);
    const now = deps.clock.now().getTime();
    const hit = cache.get(id);
    if (hit && hit.until > now) return hit.key;
    cache.delete(id);
    const key = await deps.workspaces.getKey(workspaceId, keyId);
    if (!key) return undefined;
    if (cache.size >= MAX_CACHED_KEYS) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(id, { key, until: now + ttlMs });
    return key;
  };

  return {
    async authenticate(authorization) {
      if (!authorization?.trim())
        throw new UnauthorizedError('an API key is required: Authorization: Bearer <key>');
      const token = parseToken(authorization);
      if (!token) throw new UnauthorizedError('malformed API key');
      const key = await load(token.workspaceId, token.keyId);
      if (!key || key.revokedAt || !secretMatches(token.secret, key.secretHash)) {
        throw new UnauthorizedError('invalid or revoked API key');
      }
      return {
        workspaceId: key.workspaceId,
        keyId: key.id,
        scopes: key.scopes,
        ...(key.allowedOrigins ? { allowedOrigins: key.allowedOrigins } : {}),
      };
    },
    forget(workspaceId, keyId) {
      cache.delete(cacheKey(workspaceId, keyId));
    },
  };
};
