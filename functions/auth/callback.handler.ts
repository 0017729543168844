import { timingSafeEqual } from 'node:crypto';
import { OAUTH_COOKIE } from '../../lib/auth/cookies.ts';
import { exchangeCode } from '../../lib/auth/oauth-client.ts';
import { decodeFlow } from '../../lib/auth/oauth-state.ts';
import { BadRequestError } from '../../lib/shared/errors.ts';
import { httpHandler, redirect } from '../shared/http-handler.ts';
import { accessTokens } from '../shared/user-auth-deps.ts';
import { authCallbackRoute } from './auth.routes.ts';
import { clearFlowCookie, oauthSettings, refreshCookie, sessionCookie } from './session-cookies.ts';

const sameState = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const handler = httpHandler(authCallbackRoute, async ({ query, cookies }) => {
  if (query.error)
    throw new BadRequestError(`sign-in was refused: ${query.error_description ?? query.error}`);
  const flow = decodeFlow(cookies[OAUTH_COOKIE]);
  if (!flow)
    throw new BadRequestError(
      'no sign-in in progress in this browser (or it took over 10 minutes): start again',
    );
  if (!query.code || !query.state || !sameState(query.state, flow.state))
    throw new BadRequestError(
      'this sign-in answer does not belong to the sign-in this browser started: start again',
    );
  const tokens = await exchangeCode(oauthSettings(), query.code, flow.verifier);
  await accessTokens().verify(tokens.access_token);
  return redirect(flow.returnTo, [
    sessionCookie(tokens.access_token, tokens.expires_in),
    ...(tokens.refresh_token ? [refreshCookie(tokens.refresh_token)] : []),
    clearFlowCookie(),
  ]);
});
