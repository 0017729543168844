/**
 * The local Cognito as the real SDK client and an OAuth client see it: the cognito-idp subset with
 * Cognito's errors, the users code's directory on top of it, and the token endpoint's refusals (PKCE,
 * a spent code, an unregistered redirect).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ResourceNotFoundException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoDirectory } from '../../functions/shared/users-deps.ts';
import { type LocalCognito, startLocalCognito } from '../../infra/local/local-cognito.ts';

let cognito: LocalCognito;
let client: CognitoIdentityProviderClient;
const CALLBACK = 'http://127.0.0.1:1/auth/callback';

beforeAll(async () => {
  cognito = await startLocalCognito();
  cognito.allowUrls({ callback: CALLBACK, logout: 'http://127.0.0.1:1/' });
  client = new CognitoIdentityProviderClient({
    endpoint: cognito.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(() => cognito?.stop());

describe('the cognito-idp API', () => {
  it('invites once, finds by email, sets a password, lists, deletes, with Cognito’s errors', async () => {
    const directory = cognitoDirectory(client, cognito.poolId);
    expect(await directory.findByEmail('new@shop.example')).toBeUndefined();
    const invited = await directory.invite('new@shop.example');
    expect(invited.email).toBe('new@shop.example');
    expect(cognito.invitations.map((i) => i.email)).toContain('new@shop.example');
    expect(await directory.findByEmail('new@shop.example')).toEqual(invited);
    // Invited twice at the same moment: the second finds the first's account.
    expect(await directory.invite('new@shop.example')).toEqual(invited);

    const got = await client.send(
      new AdminGetUserCommand({ UserPoolId: cognito.poolId, Username: invited.id }),
    );
    expect(got.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: cognito.poolId,
        Username: 'new@shop.example',
        Password: 'a-good-password',
        Permanent: true,
      }),
    );
    const confirmed = await client.send(
      new AdminGetUserCommand({ UserPoolId: cognito.poolId, Username: 'new@shop.example' }),
    );
    expect(confirmed.UserStatus).toBe('CONFIRMED');
    const listed = await client.send(
      new ListUsersCommand({ UserPoolId: cognito.poolId, Filter: 'email = "new@shop.example"' }),
    );
    expect(listed.Users?.map((u) => u.Username)).toEqual([invited.id]);
    await client.send(new AdminDeleteUserCommand({ UserPoolId: cognito.poolId, Username: invited.id }));
    await expect(
      client.send(new AdminGetUserCommand({ UserPoolId: cognito.poolId, Username: invited.id })),
    ).rejects.toBeInstanceOf(UserNotFoundException);
    await expect(
      client.send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_other', Username: 'x@y.example' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('the OAuth2 endpoints', () => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const query = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({
      response_type: 'code',
      client_id: cognito.clientId,
      redirect_uri: CALLBACK,
      state: 's',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...overrides,
    }).toString();

  const code = async () => {
    cognito.createUser('signer@shop.example', 'signer-password');
    const res = await fetch(`${cognito.endpoint}/login?${query()}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=signer%40shop.example&password=signer-password',
    });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
  };

  const exchange = (form: Record<string, string>) =>
    fetch(`${cognito.endpoint}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: cognito.clientId,
        redirect_uri: CALLBACK,
        ...form,
      }).toString(),
    });

  it('refuses an unregistered redirect, a missing PKCE challenge and another client', async () => {
    const bads: Record<string, string>[] = [
      { redirect_uri: 'https://evil.example/cb' },
      { code_challenge_method: 'plain' },
      { client_id: 'x' },
    ];
    for (const bad of bads) {
      const res = await fetch(`${cognito.endpoint}/oauth2/authorize?${query(bad)}`);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const form = await fetch(`${cognito.endpoint}/oauth2/authorize?${query()}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<html lang="en">');
  });

  it('speaks the language of managed login’s lang: Spanish form, Spanish error, English otherwise', async () => {
    const form = await fetch(`${cognito.endpoint}/oauth2/authorize?${query({ lang: 'es' })}`);
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<h1>Inicia sesión en ecrm</h1>');
    expect(html).toContain('<label for="username">Correo electrónico</label>');
    expect(html).toContain('<label for="password">Contraseña</label>');
    expect(html).toContain('<button type="submit">Iniciar sesión</button>');
    expect(html).not.toContain('Sign in');

    // The form posts back with lang kept, so a wrong password is told in Spanish too.
    cognito.createUser('lola@shop.example', 'lola-password');
    const wrong = await fetch(`${cognito.endpoint}/login?${query({ lang: 'es' })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=lola%40shop.example&password=nope',
    });
    expect(wrong.status).toBe(400);
    const again = await wrong.text();
    expect(again).toContain(
      '<p class="error" role="alert" id="form-error">Correo electrónico o contraseña incorrectos.</p>',
    );
    expect(again).toContain('<html lang="es">');

    const chinese = await (
      await fetch(`${cognito.endpoint}/oauth2/authorize?${query({ lang: 'zh-TW' })}`)
    ).text();
    expect(chinese).toContain('<html lang="zh-Hant">');
    expect(chinese).toContain('<label for="password">密碼</label>');
    for (const other of ['de', 'es"><script>alert(1)</script>', 'toString']) {
      const page = await (
        await fetch(`${cognito.endpoint}/oauth2/authorize?${query({ lang: other })}`)
      ).text();
      expect(page, other).toContain('<html lang="en">');
      expect(page, other).toContain('<label for="username">Email</label>');
      expect(page, other).not.toContain('<script>');
    }
  });

  it('checks the PKCE verifier and spends a code once', async () => {
    const wrong = await exchange({
      code: await code(),
      code_verifier: randomBytes(32).toString('base64url'),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant' });

    const good = await code();
    const first = await exchange({ code: good, code_verifier: verifier });
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    expect(typeof tokens.refresh_token).toBe('string');
    expect((await exchange({ code: good, code_verifier: verifier })).status).toBe(400);

    const refreshed = await fetch(`${cognito.endpoint}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: cognito.clientId,
        refresh_token: String(tokens.refresh_token),
      }).toString(),
    });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).not.toHaveProperty('refresh_token');
    const jwks = (await (await fetch(cognito.jwksUri)).json()) as { keys: { kid: string; alg: string }[] };
    const [header] = String(tokens.access_token).split('.');
    expect(jwks.keys.map((k) => k.kid)).toContain(
      JSON.parse(Buffer.from(header ?? '', 'base64url').toString()).kid,
    );
  });
});
