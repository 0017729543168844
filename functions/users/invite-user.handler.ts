import { inviteUser } from '../../lib/users/manage-users.ts';
import { memberView } from '../../lib/users/membership.schema.ts';
import { created, httpHandler } from '../shared/http-handler.ts';
import { usersDeps } from '../shared/users-deps.ts';
import { inviteUserRoute } from './user.routes.ts';

export const handler = httpHandler(inviteUserRoute, async ({ principal, body }) => {
  const { member, invited } = await inviteUser({ workspaceId: principal.workspaceId, ...body }, usersDeps());
  return created({ user: memberView(member), invited });
});
