import { removeUser } from '../../lib/users/manage-users.ts';
import { memberView } from '../../lib/users/membership.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { userAuth } from '../shared/user-auth-deps.ts';
import { membershipsDeps } from '../shared/users-deps.ts';
import { removeUserRoute } from './user.routes.ts';

export const handler = httpHandler(removeUserRoute, async ({ principal, params }) => {
  const member = await removeUser(
    { workspaceId: principal.workspaceId, userId: params.userId },
    membershipsDeps(),
  );
  userAuth().forget(principal.workspaceId, params.userId);
  return ok(memberView(member));
});
