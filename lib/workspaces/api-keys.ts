/** Use cases for workspaces and API keys: create, issue (shown once), revoke. (Authentication: `authenticate.ts`.) */
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import { mintToken } from './api-key-token.ts';
import type { ApiKey, RateLimits, Workspace } from './workspace.schema.ts';
import type { WorkspacesRepository } from './workspaces.repository.ts';

export interface WorkspaceDeps {
  readonly workspaces: WorkspacesRepository;
  readonly clock: Clock;
}

export type Scope = ApiKey['scopes'][number];

export const createWorkspace = async (
  input: { id: string; name: string; timelineRetentionDays?: number },
  deps: WorkspaceDeps,
): Promise<Workspace> => {
  const workspace: Workspace = {
    type: 'workspace',
    v: 1,
    id: input.id,
    name: input.name,
    createdAt: deps.clock.now().toISOString(),
    settings: { timelineRetentionDays: input.timelineRetentionDays ?? 400 },
  };
  await deps.workspaces.create(workspace);
  return workspace;
};

/** Issue a key. The token is returned here and never again: only its hash is stored. */
export const issueApiKey = async (
  input: { workspaceId: string; name: string; scopes: Scope[]; allowedOrigins?: string[] | undefined },
  deps: WorkspaceDeps,
): Promise<{ key: ApiKey; token: string }> => {
  if (!(await deps.workspaces.get(input.workspaceId)))
    throw new NotFoundError(`no workspace ${input.workspaceId}`);
  const now = deps.clock.now();
  const { token, keyId, secretHash } = mintToken(input.workspaceId, now);
  const key: ApiKey = {
    type: 'apiKey',
    v: 1,
    id: keyId,
    workspaceId: input.workspaceId,
    name: input.name,
    scopes: [...new Set(input.scopes)],
    secretHash,
    ...(input.allowedOrigins?.length ? { allowedOrigins: [...new Set(input.allowedOrigins)] } : {}),
    createdAt: now.toISOString(),
  };
  await deps.workspaces.putKey(key);
  return { key, token };
};

export const revokeApiKey = (workspaceId: string, keyId: string, deps: WorkspaceDeps): Promise<ApiKey> =>
  deps.workspaces.revokeKey(workspaceId, keyId, deps.clock.now().toISOString());

/** Set a workspace's ingest rate limits (the operator's CLI). */
export const setRateLimits = async (workspaceId: string, limits: RateLimits, deps: WorkspaceDeps) => {
  if (!(await deps.workspaces.get(workspaceId))) throw new NotFoundError(`no workspace ${workspaceId}`);
  await deps.workspaces.setRateLimits(workspaceId, limits);
  return limits;
};
