/**
 * The users API's use cases: list a workspace's members, invite someone (their account is created in
 * the directory when they have none, which emails them; an existing person just gets the membership),
 * change a role, remove a membership. The last-admin rule lives in the repository's conditional writes.
 */
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import { normaliseEmail } from '../shared/keys.ts';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import type { Member } from './membership.schema.ts';
import type { MembershipsRepository } from './memberships.repository.ts';
import type { Role } from './roles.ts';
import type { UserDirectory } from './user-directory.ts';

export interface UsersDeps {
  readonly memberships: MembershipsRepository;
  readonly workspaces: Pick<WorkspacesRepository, 'get'>;
  readonly directory: UserDirectory;
  readonly clock: Clock;
}

/** Adds a person to the workspace with a role, inviting them first when the directory has no account. */
export const inviteUser = async (
  input: { readonly workspaceId: string; readonly email: string; readonly role: Role },
  deps: UsersDeps,
): Promise<{ member: Member; invited: boolean }> => {
  const workspace = await deps.workspaces.get(input.workspaceId);
  if (!workspace) throw new NotFoundError(`no workspace ${input.workspaceId}`);
  const email = normaliseEmail(input.email);
  const existing = await deps.directory.findByEmail(email);
  const user = existing ?? (await deps.directory.invite(email));
  const member: Member = {
    type: 'member',
    v: 1,
    workspaceId: input.workspaceId,
    userId: user.id,
    email: user.email,
    role: input.role,
    addedAt: deps.clock.now().toISOString(),
  };
  await deps.memberships.add(member, workspace.name);
  return { member, invited: !existing };
};

export const setUserRole = (
  input: { readonly workspaceId: string; readonly userId: string; readonly role: Role },
  deps: Pick<UsersDeps, 'memberships'>,
): Promise<Member> => deps.memberships.setRole(input.workspaceId, input.userId, input.role);

/** Removes the membership only: the person's account stays (they may belong to other workspaces). */
export const removeUser = (
  input: { readonly workspaceId: string; readonly userId: string },
  deps: Pick<UsersDeps, 'memberships'>,
): Promise<Member> => deps.memberships.remove(input.workspaceId, input.userId);
