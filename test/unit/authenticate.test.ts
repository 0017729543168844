import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import { UnauthorizedError } from '../../lib/shared/errors.ts';
import { mintToken } from '../../lib/workspaces/api-key-token.ts';
import { authenticator, KEY_CACHE_MS } from '../../lib/workspaces/authenticate.ts';
import type { ApiKey } from '../../lib/workspaces/workspace.schema.ts';

/** A key store that counts reads and can revoke, standing in for the workspaces repository. */
const store = () => {
  const items = new Map<string, ApiKey>();
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    add(workspaceId: string, scopes: ApiKey['scopes']) {
      const minted = mintToken(workspaceId, new Date('2026-01-01T00:00:00Z'));
      items.set(`${workspaceId}/${minted.keyId}`, {
        type: 'apiKey',
        v: 1,
        id: minted.keyId,
        workspaceId,
        name: 'k',
        scopes,
        secretHash: minted.secretHash,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      return minted;
    },
    revoke(workspaceId: string, keyId: string) {
      const key = items.get(`${workspaceId}/${keyId}`);
      if (key) items.set(`${workspaceId}/${keyId}`, { ...key, revokedAt: '2026-01-01T00:00:01.000Z' });
    },
    getKey: async (workspaceId: string, keyId: string) => {
      reads += 1;
      return items.get(`${workspaceId}/${keyId}`);
    },
  };
};

describe('API key authentication in the function', () => {
  it('reads a key once per cache period, and a revoked key stops working within the 30 s bound', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const keys = store();
    const auth = authenticator({ workspaces: keys, clock });
    const { token, keyId } = keys.add('ws_shop', ['ingest']);
    expect(await auth.authenticate(`Bearer ${token}`)).toEqual({
      workspaceId: 'ws_shop',
      keyId,
      scopes: ['ingest'],
    });
    await auth.authenticate(`Bearer ${token}`);
    expect(keys.reads).toBe(1);

    keys.revoke('ws_shop', keyId);
    clock.advance(KEY_CACHE_MS - 1);
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toMatchObject({ keyId });
    clock.advance(1);
    await expect(auth.authenticate(`Bearer ${token}`)).rejects.toThrow(UnauthorizedError);
    expect(KEY_CACHE_MS).toBeLessThanOrEqual(60_000);
  });

  it('forgets a key at once in the container that revoked it', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const keys = store();
    const auth = authenticator({ workspaces: keys, clock });
    const { token, keyId } = keys.add('ws_shop', ['admin']);
    await auth.authenticate(token);
    keys.revoke('ws_shop', keyId);
    auth.forget('ws_shop', keyId);
    await expect(auth.authenticate(token)).rejects.toThrow('invalid or revoked API key');
  });

  it('refuses missing, malformed, wrong-secret and unknown keys, never caching unknown ids', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const keys = store();
    const auth = authenticator({ workspaces: keys, clock });
    const { token } = keys.add('ws_shop', ['read']);
    const stranger = mintToken('ws_shop', clock.now()).token;
    const wrong = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    await expect(auth.authenticate(undefined)).rejects.toThrow('an API key is required');
    await expect(auth.authenticate('Bearer ')).rejects.toThrow('malformed API key');
    await expect(auth.authenticate('Bearer nonsense')).rejects.toThrow('malformed API key');
    await expect(auth.authenticate(wrong)).rejects.toThrow('invalid or revoked API key');
    await expect(auth.authenticate(stranger)).rejects.toThrow('invalid or revoked API key');
    await expect(auth.authenticate(stranger)).rejects.toThrow(UnauthorizedError);
    expect(keys.reads).toBe(3);
  });

  it('never trusts a key longer than 30 s, whatever it is asked', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const keys = store();
    const auth = authenticator({ workspaces: keys, clock }, { ttlMs: 10 * 60_000 });
    const { token, keyId } = keys.add('ws_shop', ['read']);
    await auth.authenticate(token);
    keys.revoke('ws_shop', keyId);
    clock.advance(KEY_CACHE_MS);
    await expect(auth.authenticate(token)).rejects.toThrow(UnauthorizedError);
  });
});
