/**
 * People's credentials, apart from deps.ts so that only HTTP functions bundle the token verifier
 * (aws-jwt-verify) and the memberships: a queue function such as send-email never needs them.
 */
import { accessTokenVerifier } from '../../lib/auth/access-token-verifier.ts';
import { userAuthenticator } from '../../lib/auth/user-authenticator.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { membershipsRepository } from '../../lib/users/memberships.repository.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';

/** The user pool's access token verifier (its JWKS fetched once per container). */
export const accessTokens = once(() => {
  const auth = config('auth');
  return accessTokenVerifier({
    issuer: auth.AUTH_ISSUER,
    jwksUri: auth.AUTH_JWKS_URI,
    clientId: auth.AUTH_CLIENT_ID,
  });
});

/** People: their token verified, their membership of the workspace cached for at most 30 s, like keys. */
export const userAuth = once(() =>
  userAuthenticator({
    verifier: accessTokens(),
    memberships: membershipsRepository(table()),
    clock: systemClock,
  }),
);
