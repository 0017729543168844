import { memberView } from '../../lib/users/membership.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { membershipsDeps } from '../shared/users-deps.ts';
import { listUsersRoute } from './user.routes.ts';

export const handler = httpHandler(listUsersRoute, async ({ principal, query }) => {
  const page = await membershipsDeps().memberships.listMembers(principal.workspaceId, query);
  return ok({ users: page.members.map(memberView), ...(page.next ? { next: page.next } : {}) });
});
