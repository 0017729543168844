import { REFRESH_COOKIE } from '../../lib/auth/cookies.ts';
import { refreshTokens } from '../../lib/auth/oauth-client.ts';
import { UnauthorizedError } from '../../lib/shared/errors.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { accessTokens } from '../shared/user-auth-deps.ts';
import { authRefreshRoute } from './auth.routes.ts';
import { oauthSettings, sessionCookie } from './session-cookies.ts';

export const handler = httpHandler(authRefreshRoute, async ({ cookies }) => {
  const refreshToken = cookies[REFRESH_COOKIE];
  if (!refreshToken) throw new UnauthorizedError('no refresh cookie: sign in again');
  const tokens = await refreshTokens(oauthSettings(), refreshToken);
  await accessTokens().verify(tokens.access_token);
  return { status: 204, cookies: [sessionCookie(tokens.access_token, tokens.expires_in)] };
});
