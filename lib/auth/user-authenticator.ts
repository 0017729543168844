/**
 * Authentication of people (the console's session, or a bearer access token): the token is verified,
 * then the membership of (user, workspace) is read with one GetItem and kept in the container for at
 * most `MEMBERSHIP_CACHE_MS`, like API keys: a removed member or a changed role takes effect within that
 * bound everywhere (at once in the container that made the change). The role gives the scopes.
 */
import type { Clock } from '../shared/clock.ts';
import { BadRequestError, ForbiddenError } from '../shared/errors.ts';
import type { Scope } from '../shared/http/route.ts';
import type { Member } from '../users/membership.schema.ts';
import type { MembershipsRepository } from '../users/memberships.repository.ts';
import { type Role, scopesOf } from '../users/roles.ts';
import { workspaceIdSchema } from '../workspaces/workspace.schema.ts';
import type { AccessTokenVerifier } from './access-token-verifier.ts';

export const MEMBERSHIP_CACHE_MS = 30_000;
const MAX_CACHED = 1_000;

export const WORKSPACE_HEADER = 'x-ecrm-workspace';

export interface AuthenticatedUser {
  readonly userId: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly scopes: readonly Scope[];
}

export interface UserAuthenticator {
  /** The verified user behind a token, without a workspace (`/auth/me`). */
  identify(token: string): ReturnType<AccessTokenVerifier['verify']>;
  /** The user's role in the workspace the request names: 400 without it, 403 when not a member. */
  authenticate(token: string, workspaceHeader: string | undefined): Promise<AuthenticatedUser>;
  /** Drop a membership from this container's cache (after changing it here). */
  forget(workspaceId: string, userId: string): void;
}

export const userAuthenticator = (deps: {
  readonly verifier: AccessTokenVerifier;
  readonly memberships: Pick<MembershipsRepository, 'get'>;
  readonly clock: Clock;
}): UserAuthenticator => {
  // Found memberships only: a made-up workspace id cannot fill the cache.
  const cache = new Map<string, { member: Member; until: number }>();
  const cacheKey = (workspaceId: string, userId: string) => `${workspaceId}/${userId}`;

  const membership = async (workspaceId: string, userId: string): Promise<Member | undefined> => {
    const id = cacheKey(workspaceId, userId);
    const now = deps.clock.now().getTime();
    const hit = cache.get(id);
    if (hit && hit.until > now) return hit.member;
    cache.delete(id);
    const member = await deps.memberships.get(workspaceId, userId);
    if (!member) return undefined;
    if (cache.size >= MAX_CACHED) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(id, { member, until: now + MEMBERSHIP_CACHE_MS });
    return member;
  };

  return {
    identify: (token) => deps.verifier.verify(token),
    async authenticate(token, workspaceHeader) {
      const user = await deps.verifier.verify(token);
      if (!workspaceHeader?.trim())
        throw new BadRequestError(
          `say which workspace: a signed-in user sends the ${WORKSPACE_HEADER} header with each request`,
        );
      const workspaceId = workspaceIdSchema.safeParse(workspaceHeader.trim());
      if (!workspaceId.success)
        throw new BadRequestError(
          `${WORKSPACE_HEADER} is not a workspace id (ws_ followed by 3-40 a-z, 0-9, _)`,
        );
      const member = await membership(workspaceId.data, user.userId);
      if (!member) throw new ForbiddenError(`you are not a member of workspace ${workspaceId.data}`);
      return {
        userId: user.userId,
        workspaceId: member.workspaceId,
        role: member.role,
        scopes: scopesOf(member.role),
      };
    },
    forget(workspaceId, userId) {
      cache.delete(cacheKey(workspaceId, userId));
    },
  };
};
