/**
 * Access token checks of `aws-jwt-verify` as ecrm configures it, against a JWKS served over HTTP (as the
 * local Cognito serves it): a valid Cognito-shaped access token passes; an expired one, another issuer,
 * another client, an id token, `alg: none`, a tampered payload and an unknown key are refused (401).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, issueTokens, signJwt } from '../../infra/local/cognito-tokens.ts';
import { type AccessTokenVerifier, accessTokenVerifier } from '../../lib/auth/access-token-verifier.ts';
import { UnauthorizedError } from '../../lib/shared/errors.ts';

const key = generateSigningKey();
const stranger = generateSigningKey();
const CLIENT = 'ecrmtestclient000000000001';
let server: Server;
let issuer: string;
let verifier: AccessTokenVerifier;

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const accessClaims = (overrides: Record<string, unknown> = {}) => {
  const sub = randomUUID();
  return {
    sub,
    iss: issuer,
    client_id: CLIENT,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    token_use: 'access',
    scope: 'openid email profile',
    auth_time: now(),
    iat: now(),
    exp: now() + 3600,
    jti: randomUUID(),
    username: sub,
    ...overrides,
  };
};

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/pool/.well-known/jwks.json' ? 200 : 404, {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ keys: [key.jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
  verifier = accessTokenVerifier({ issuer, jwksUri: `${issuer}/.well-known/jwks.json`, clientId: CLIENT });
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const refused = async (token: string) =>
  expect(verifier.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);

describe('access tokens', () => {
  it('accepts a Cognito access token of our client, and gives its user', async () => {
    const claims = accessClaims();
    const user = await verifier.verify(signJwt(key, claims));
    expect(user).toEqual({ userId: claims.sub, username: claims.username, expiresAt: claims.exp });
    const issued = issueTokens(
      key,
      { issuer, clientId: CLIENT, now: Date.now(), authTime: now() },
      {
        sub: claims.sub,
        email: 'a@b.example',
      },
    );
    expect((await verifier.verify(issued.accessToken)).userId).toBe(claims.sub);
  });

  it('refuses an expired token', () =>
    refused(signJwt(key, accessClaims({ iat: now() - 7200, exp: now() - 3600 }))));

  it('refuses another issuer', () =>
    refused(
      signJwt(key, accessClaims({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' })),
    ));

  it('refuses a token issued to another client', () =>
    refused(signJwt(key, accessClaims({ client_id: 'someoneelse' }))));

  it('refuses an id token in place of an access token', async () => {
    const issued = issueTokens(
      key,
      { issuer, clientId: CLIENT, now: Date.now(), authTime: now() },
      {
        sub: randomUUID(),
        email: 'a@b.example',
      },
    );
    await refused(issued.idToken);
    await refused(signJwt(key, accessClaims({ token_use: 'id' })));
  });

  it('refuses alg none, a tampered payload and a key not in the JWKS', async () => {
    await refused(`${b64({ alg: 'none', kid: key.kid })}.${b64(accessClaims())}.`);
    await refused(`${b64({ alg: 'none' })}.${b64(accessClaims())}.`);
    const [header, , signature] = signJwt(key, accessClaims()).split('.');
    await refused(`${header}.${b64(accessClaims({ sub: randomUUID() }))}.${signature}`);
    await refused(signJwt(stranger, accessClaims()));
    await refused('not.a.jwt');
  });
});
