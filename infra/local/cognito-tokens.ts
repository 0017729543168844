/**
 * The local Cognito's signing: an RS256 key pair generated at start (its public half in the JWKS with
 * its `kid`), and access and id tokens in Cognito's shape, so the code that verifies tokens with
 * `aws-jwt-verify` is the code that ships.
 */
import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';

/** Cognito's default access and id token lifetime. */
export const TOKEN_SECONDS = 3600;

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Record<string, unknown>;
}

export const generateSigningKey = (): SigningKey => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
};

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS, RS256, with the key's `kid`. */
export const signJwt = (key: SigningKey, payload: Record<string, unknown>): string => {
  const input = `${part({ kid: key.kid, alg: 'RS256' })}.${part(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url');
  return `${input}.${signature}`;
};

export interface TokenSubject {
  readonly sub: string;
  readonly email: string;
}

/** Access and id tokens for one sign-in (`authTime`, seconds), as Cognito issues them. */
export const issueTokens = (
  key: SigningKey,
  options: {
    readonly issuer: string;
    readonly clientId: string;
    readonly now: number;
    readonly authTime: number;
  },
  user: TokenSubject,
): { accessToken: string; idToken: string } => {
  const iat = Math.floor(options.now / 1000);
  const common = { origin_jti: randomUUID(), event_id: randomUUID(), auth_time: options.authTime, iat };
  const accessToken = signJwt(key, {
    sub: user.sub,
    iss: options.issuer,
    client_id: options.clientId,
    ...common,
    token_use: 'access',
    scope: 'openid email profile',
    exp: iat + TOKEN_SECONDS,
    jti: randomUUID(),
    username: user.sub,
  });
  const idToken = signJwt(key, {
    sub: user.sub,
    email_verified: true,
    iss: options.issuer,
    'cognito:username': user.sub,
    aud: options.clientId,
    ...common,
    token_use: 'id',
    exp: iat + TOKEN_SECONDS,
    jti: randomUUID(),
    email: user.email,
  });
  return { accessToken, idToken };
};
