/**
 * The sign-in handlers' shared settings and cookies, from the parsed environment: the OAuth client's
 * settings, and the session, refresh and flow cookies with their paths, lifetimes and Secure flag
 * (off on the local stack only, which is served over http://localhost).
 */
import {
  clearCookie,
  OAUTH_COOKIE,
  REFRESH_COOKIE,
  SESSION_COOKIE,
  setCookie,
} from '../../lib/auth/cookies.ts';
import type { OAuthSettings } from '../../lib/auth/oauth-client.ts';
import { OAUTH_FLOW_SECONDS } from '../../lib/auth/oauth-state.ts';
import { config } from '../shared/config.ts';

/** The refresh cookie lives as long as Cognito's default refresh token (30 days). */
const REFRESH_SECONDS = 30 * 24 * 3600;

export const oauthSettings = (): OAuthSettings => {
  const auth = config('auth');
  return { oauthUrl: auth.AUTH_OAUTH_URL, clientId: auth.AUTH_CLIENT_ID, consoleUrl: auth.CONSOLE_URL };
};

const secure = () => config('auth').AUTH_COOKIE_SECURE;

export const sessionCookie = (accessToken: string, expiresInSeconds: number) =>
  setCookie(SESSION_COOKIE, accessToken, { path: '/', maxAge: expiresInSeconds, secure: secure() });

export const refreshCookie = (refreshToken: string) =>
  setCookie(REFRESH_COOKIE, refreshToken, { path: '/auth', maxAge: REFRESH_SECONDS, secure: secure() });

export const flowCookie = (value: string) =>
  setCookie(OAUTH_COOKIE, value, {
    path: '/auth',
    maxAge: OAUTH_FLOW_SECONDS,
    secure: secure(),
    sameSite: 'Lax',
  });

export const clearFlowCookie = () =>
  clearCookie(OAUTH_COOKIE, { path: '/auth', secure: secure(), sameSite: 'Lax' });

export const clearSessionCookies = () => [
  clearCookie(SESSION_COOKIE, { path: '/', secure: secure() }),
  clearCookie(REFRESH_COOKIE, { path: '/auth', secure: secure() }),
];
