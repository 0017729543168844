/**
 * `GET /auth/me`: who is signed in. The console asks it first on every load, so being signed out is an
 * answer (200, `user: null`), not an error: a browser logs every 4xx as a console error. A session
 * cookie that has expired is renewed here from the refresh cookie (its path, /auth, reaches this route),
 * so the console never sees the 401 → refresh round trip on load. A bearer token (a script acting as
 * the person) gets no such care: invalid is 401.
 */
import { REFRESH_COOKIE, SESSION_COOKIE } from '../../lib/auth/cookies.ts';
import { refreshTokens } from '../../lib/auth/oauth-client.ts';
import { UnauthorizedError } from '../../lib/shared/errors.ts';
import { httpHandler, ok, type Reply } from '../shared/http-handler.ts';
import { accessTokens, userAuth } from '../shared/user-auth-deps.ts';
import { membershipsDeps } from '../shared/users-deps.ts';
import { authMeRoute } from './auth.routes.ts';
import { clearSessionCookies, oauthSettings, sessionCookie } from './session-cookies.ts';

const bearerOf = (authorization: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];

const signedOut = (cookies: string[] = []): Reply => ({
  status: 200,
  body: { user: null, memberships: [] },
  ...(cookies.length > 0 ? { cookies } : {}),
});

const me = async (token: string, cookies: string[] = []): Promise<Reply> => {
  const user = await userAuth().identify(token);
  const memberships = await membershipsDeps().memberships.listForUser(user.userId);
  const reply = ok({
    user: { id: user.userId, email: memberships[0]?.email ?? user.username },
    memberships: memberships.map((m) => ({
      workspaceId: m.workspaceId,
      workspaceName: m.workspaceName,
      role: m.role,
    })),
  });
  return cookies.length > 0 ? { ...reply, cookies } : reply;
};

/**
 * A new access token from the refresh cookie, or undefined when the issuer refuses it (revoked or
 * expired: signed out). An issuer that cannot be reached is an error (503), not a sign-out.
 */
const renewed = async (refreshToken: string) => {
  try {
    const tokens = await refreshTokens(oauthSettings(), refreshToken);
    await accessTokens().verify(tokens.access_token);
    return tokens;
  } catch (error) {
    if (error instanceof UnauthorizedError) return undefined;
    throw error;
  }
};

export const handler = httpHandler(authMeRoute, async ({ headers, cookies }) => {
  const bearer = bearerOf(headers.authorization);
  if (bearer) return me(bearer);
  const session = cookies[SESSION_COOKIE];
  if (session) {
    try {
      return await me(session);
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
    }
  }
  const refreshToken = cookies[REFRESH_COOKIE];
  const tokens = refreshToken ? await renewed(refreshToken) : undefined;
  if (!tokens) return signedOut(session || refreshToken ? clearSessionCookies() : []);
  return me(tokens.access_token, [sessionCookie(tokens.access_token, tokens.expires_in)]);
});
