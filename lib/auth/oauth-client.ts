/**
 * The OAuth 2.0 client side of sign-in against the user pool's domain (Cognito's hosted endpoints, or
 * the local stack's Cognito): the authorize URL (code flow, S256 PKCE, state), the code exchange, the
 * refresh, and the sign-out URL. A public client: no secret; the PKCE verifier proves the exchange.
 */
import * as z from 'zod';
import { TransientError, UnauthorizedError } from '../shared/errors.ts';
import { s256Challenge } from './pkce.ts';
import type { SignInLanguage } from './sign-in-language.ts';

export interface OAuthSettings {
  /** The pool's domain: `https://<prefix>.auth.<region>.amazoncognito.com`, or the local Cognito's URL. */
  readonly oauthUrl: string;
  readonly clientId: string;
  /** The console's origin: the redirect URI is `${consoleUrl}/auth/callback`. */
  readonly consoleUrl: string;
}

export const SCOPES = 'openid email profile';

export const redirectUri = (settings: OAuthSettings): string => `${settings.consoleUrl}/auth/callback`;

/** The authorize URL; `lang` (already validated) localizes the managed login pages. */
export const authorizeUrl = (
  settings: OAuthSettings,
  state: string,
  verifier: string,
  lang?: SignInLanguage,
): string => {
  const url = new URL('/oauth2/authorize', settings.oauthUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(settings),
    scope: SCOPES,
    state,
    code_challenge: s256Challenge(verifier),
    code_challenge_method: 'S256',
    ...(lang ? { lang } : {}),
  }).toString();
  return url.toString();
};

/** Where the browser goes to end the user pool's own session, then back to the console's home. */
export const logoutUrl = (settings: OAuthSettings): string => {
  const url = new URL('/logout', settings.oauthUrl);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    logout_uri: `${settings.consoleUrl}/`,
  }).toString();
  return url.toString();
};

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  id_token: z.string().optional(),
  refresh_token: z.string().optional(),
  expires_in: z.number().int().positive(),
  token_type: z.string(),
});
export type TokenAnswer = z.infer<typeof tokenAnswer>;

const TOKEN_TIMEOUT_MS = 5000;

const postToken = async (settings: OAuthSettings, form: Record<string, string>): Promise<TokenAnswer> => {
  let res: Response;
  try {
    res = await fetch(new URL('/oauth2/token', settings.oauthUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: settings.clientId, ...form }).toString(),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new TransientError('the sign-in service could not be reached', { cause });
  }
  if (res.status >= 500) throw new TransientError(`the sign-in service answered ${res.status}`);
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const reason = z.object({ error: z.string() }).safeParse(body);
    throw new UnauthorizedError(
      `the sign-in service refused: ${reason.success ? reason.data.error : `status ${res.status}`}`,
    );
  }
  const parsed = tokenAnswer.safeParse(body);
  if (!parsed.success) throw new TransientError('the sign-in service answered without tokens');
  return parsed.data;
};

/** Exchanges the authorization code, proving it with the PKCE verifier. */
export const exchangeCode = (settings: OAuthSettings, code: string, verifier: string) =>
  postToken(settings, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(settings),
    code_verifier: verifier,
  });

/** A new access token from the refresh token (Cognito gives no new refresh token). */
export const refreshTokens = (settings: OAuthSettings, refreshToken: string) =>
  postToken(settings, { grant_type: 'refresh_token', refresh_token: refreshToken });
