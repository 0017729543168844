import { beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../lib/shared/errors.ts';
import { issueApiKey, revokeApiKey } from '../../lib/workspaces/api-keys.ts';
import { authenticator } from '../../lib/workspaces/authenticate.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let deps: RealDeps;
let ws: string;

const authorize = (header: string) => authenticator(deps, { ttlMs: 0 }).authenticate(header);

beforeAll(async () => {
  deps = realDeps();
  ws = await newWorkspace(deps);
});

describe('API keys on DynamoDB Local', () => {
  it('authorizes a key to its own workspace and scopes; stores no secret', async () => {
    const { key, token } = await issueApiKey({ workspaceId: ws, name: 'site', scopes: ['ingest'] }, deps);
    const principal = await authorize(`Bearer ${token}`);
    expect(principal).toEqual({ workspaceId: ws, keyId: key.id, scopes: ['ingest'] });
    const stored = await deps.workspaces.getKey(ws, key.id);
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[3]);
  });

  it('refuses a revoked key, a tampered secret and a key moved to another workspace', async () => {
    const { key, token } = await issueApiKey({ workspaceId: ws, name: 'ops', scopes: ['admin'] }, deps);
    const other = await newWorkspace(deps);
    const parts = token.split('.');
    const tampered = [...parts.slice(0, 3), `${parts[3]?.slice(0, -1)}a`].join('.');
    const moved = ['ecrm', other, parts[2], parts[3]].join('.');
    await expect(authorize(tampered === token ? `${token}x` : tampered)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(authorize(moved)).rejects.toBeInstanceOf(UnauthorizedError);
    await revokeApiKey(ws, key.id, deps);
    await expect(authorize(token)).rejects.toBeInstanceOf(UnauthorizedError);
    const listed = await deps.workspaces.listKeys(ws);
    expect(listed.find((k) => k.id === key.id)?.revokedAt).toBeDefined();
  });

  it('cannot issue keys for a workspace that does not exist', async () => {
    await expect(
      issueApiKey({ workspaceId: 'ws_nope_nope', name: 'x', scopes: ['read'] }, deps),
    ).rejects.toThrow('no workspace');
  });
});
