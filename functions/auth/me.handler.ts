import { SESSION_COOKIE } from '../../lib/auth/cookies.ts';
import { UnauthorizedError } from '../../lib/shared/errors.ts';
import { userAuth } from '../shared/deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { membershipsDeps } from '../shared/users-deps.ts';
import { authMeRoute } from './auth.routes.ts';

/** The session cookie, or a bearer access token (a script acting as the person). */
const tokenOf = (authorization: string | undefined, session: string | undefined) =>
  /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? session;

export const handler = httpHandler(authMeRoute, async ({ headers, cookies }) => {
  const token = tokenOf(headers.authorization, cookies[SESSION_COOKIE]);
  if (!token) throw new UnauthorizedError('not signed in');
  const user = await userAuth().identify(token);
  const memberships = await membershipsDeps().memberships.listForUser(user.userId);
  return ok({
    user: { id: user.userId, email: memberships[0]?.email ?? user.username },
    memberships: memberships.map((m) => ({
      workspaceId: m.workspaceId,
      workspaceName: m.workspaceName,
      role: m.role,
    })),
  });
});
