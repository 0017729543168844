import { logoutUrl } from '../../lib/auth/oauth-client.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { authLogoutRoute } from './auth.routes.ts';
import { clearSessionCookies, oauthSettings } from './session-cookies.ts';

export const handler = httpHandler(authLogoutRoute, async () => ({
  status: 200,
  body: { logoutUrl: logoutUrl(oauthSettings()) },
  cookies: clearSessionCookies(),
}));
