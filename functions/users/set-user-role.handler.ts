import { setUserRole } from '../../lib/users/manage-users.ts';
import { memberView } from '../../lib/users/membership.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { userAuth } from '../shared/user-auth-deps.ts';
import { membershipsDeps } from '../shared/users-deps.ts';
import { setUserRoleRoute } from './user.routes.ts';

export const handler = httpHandler(setUserRoleRoute, async ({ principal, params, body }) => {
  const member = await setUserRole(
    { workspaceId: principal.workspaceId, userId: params.userId, role: body.role },
    membershipsDeps(),
  );
  userAuth().forget(principal.workspaceId, params.userId);
  return ok(memberView(member));
});
