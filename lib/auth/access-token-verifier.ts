/**
 * Verifies a user's access token with AWS's own library (`aws-jwt-verify`): RS256 signature against
 * the issuer's JWKS (fetched once and cached, refetched for an unknown `kid`), `iss`, `exp`, and, as
 * Cognito access tokens carry no `aud`, `client_id` (our app client) and `token_use: "access"` (an id
 * token is refused). The same code runs deployed and on the local stack; only the issuer differs.
 * The JWKS is fetched with the runtime's `fetch`, which speaks http as well as https: the local
 * issuer listens on http://127.0.0.1.
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { JwtBaseError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import * as z from 'zod';
import { TransientError, UnauthorizedError } from '../shared/errors.ts';

export interface AccessTokenSettings {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly clientId: string;
}

/** What ecrm takes from a verified access token. */
export interface VerifiedUser {
  /** The Cognito `sub`. */
  readonly userId: string;
  readonly username: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

export interface AccessTokenVerifier {
  /** UnauthorizedError for any token that is not a valid, unexpired access token of our client. */
  verify(token: string): Promise<VerifiedUser>;
}

const JWKS_TIMEOUT_MS = 3000;

const fetcher: Fetcher = {
  async fetch(uri) {
    let res: Response;
    try {
      res = await fetch(uri, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) });
    } catch (cause) {
      throw new TransientError(`the issuer's keys could not be fetched from ${uri}`, { cause });
    }
    if (!res.ok) throw new TransientError(`the issuer's keys answered ${res.status} at ${uri}`);
    return res.arrayBuffer();
  },
};

/** A well-signed token that is not ours to accept (an id token, another client's). */
class WrongTokenError extends Error {}

const claims = z.object({
  sub: z.string().min(1),
  username: z.string().min(1),
  exp: z.number(),
});

export const accessTokenVerifier = (settings: AccessTokenSettings): AccessTokenVerifier => {
  const verifier = JwtVerifier.create(
    {
      issuer: settings.issuer,
      jwksUri: settings.jwksUri,
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new WrongTokenError('not an access token');
        if (payload.client_id !== settings.clientId) throw new WrongTokenError('issued to another client');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
  return {
    async verify(token) {
      let payload: unknown;
      try {
        payload = await verifier.verify(token);
      } catch (error) {
        if (error instanceof TransientError) throw error;
        if (error instanceof JwtBaseError || error instanceof WrongTokenError)
          throw new UnauthorizedError('the session is invalid or has expired: sign in again', {
            cause: error,
          });
        throw error;
      }
      const parsed = claims.safeParse(payload);
      if (!parsed.success) throw new UnauthorizedError('the session token lacks its user claims');
      return { userId: parsed.data.sub, username: parsed.data.username, expiresAt: parsed.data.exp };
    },
  };
};
