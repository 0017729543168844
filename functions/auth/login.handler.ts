import { authorizeUrl } from '../../lib/auth/oauth-client.ts';
import { encodeFlow } from '../../lib/auth/oauth-state.ts';
import { randomState, randomVerifier } from '../../lib/auth/pkce.ts';
import { safeReturnTo } from '../../lib/auth/return-to.ts';
import { signInLanguage } from '../../lib/auth/sign-in-language.ts';
import { httpHandler, redirect } from '../shared/http-handler.ts';
import { authLoginRoute } from './auth.routes.ts';
import { flowCookie, oauthSettings } from './session-cookies.ts';

export const handler = httpHandler(authLoginRoute, async ({ query }) => {
  const flow = { state: randomState(), verifier: randomVerifier(), returnTo: safeReturnTo(query.returnTo) };
  const lang = signInLanguage(query.lang);
  return redirect(authorizeUrl(oauthSettings(), flow.state, flow.verifier, lang), [
    flowCookie(encodeFlow(flow)),
  ]);
});
