/**
 * Sign-in of people on the whole local stack, driven with fetch as a browser would: /auth/login → the
 * local Cognito's form → credentials → /auth/callback → session cookies → /auth/me and the API with
 * the cookie and x-ecrm-workspace; roles giving scopes, refresh, logout, invitations and the users API;
 * a forgotten password reset with the code from the local SES store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { client, ecrmCli, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let other: Awaited<ReturnType<typeof workspaceWithKeys>>;

/** A browser's cookie jar for one origin: name → value, updated from each Set-Cookie. */
class Jar {
  readonly values = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const expired = attributes.some((a) => a.toLowerCase() === 'max-age=0');
      if (expired) this.values.delete(name);
      else this.values.set(name, pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const unescapeHtml = (value: string) =>
  value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
const formAction = (html: string) =>
  unescapeHtml(/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '');

/** The whole code flow; the jar ends with the session cookies, and the final redirect is returned. */
const signIn = async (email: string, password: string, returnTo = '/contacts') => {
  const jar = new Jar();
  const login = await fetch(`${stack.apiUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, {
    redirect: 'manual',
  });
  expect(login.status).toBe(302);
  jar.take(login);
  const authorize = login.headers.get('location') ?? '';
  expect(authorize.startsWith(`${stack.cognito.endpoint}/oauth2/authorize?`)).toBe(true);
  expect(new URL(authorize).searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize).not.toContain(jar.values.get('ecrm_oauth') ?? 'no flow cookie');
  const form = await fetch(authorize);
  const html = await form.text();
  expect(form.status).toBe(200);
  expect(html).toContain('<label for="username">');
  expect(html).toContain('<label for="password">');
  const posted = await fetch(new URL(formAction(html), stack.cognito.endpoint), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: email, password }).toString(),
  });
  return { jar, posted };
};

const completeSignIn = async (jar: Jar, posted: Response) => {
  expect(posted.status).toBe(302);
  const callback = posted.headers.get('location') ?? '';
  expect(callback.startsWith(`${stack.apiUrl}/auth/callback?`)).toBe(true);
  const back = await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header() } });
  expect(back.status, await back.clone().text()).toBe(302);
  jar.take(back);
  return back.headers.get('location');
};

const api = (jar: Jar, path: string, init: RequestInit & { workspace?: string } = {}) =>
  fetch(`${stack.apiUrl}${path}`, {
    ...init,
    headers: {
      cookie: jar.header(),
      'content-type': 'application/json',
      ...(init.workspace ? { 'x-ecrm-workspace': init.workspace } : {}),
    },
  });

let admin: { sub: string; email: string };

beforeAll(async () => {
  stack = await startStack();
  ws = await workspaceWithKeys(stack);
  other = await workspaceWithKeys(stack);
  // The first admin: invited with the workspace's admin API key, as after a deploy.
  const invited = await client(stack, ws.admin).post('/v1/users', {
    email: 'owner@shop.example',
    role: 'admin',
  });
  expect(invited.status).toBe(201);
  expect(field(invited.body, 'invited')).toBe(true);
  admin = { sub: String(field(invited.body, 'user', 'id')), email: 'owner@shop.example' };
  stack.cognito.createUser(admin.email, 'owner-password');
});

afterAll(() => stack?.stop());

describe('sign-in', () => {
  it('signs in through the code flow and calls the API with the session cookie and the workspace header', async () => {
    const { jar, posted } = await signIn(admin.email, 'owner-password');
    expect(await completeSignIn(jar, posted)).toBe('/contacts');
    expect(jar.values.has('ecrm_session')).toBe(true);
    expect(jar.values.has('ecrm_refresh')).toBe(true);
    expect(jar.values.has('ecrm_oauth')).toBe(false);

    const me = await api(jar, '/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      user: { id: admin.sub, email: admin.email },
      memberships: [{ workspaceId: ws.id, workspaceName: ws.id, role: 'admin' }],
    });
    expect((await api(jar, '/v1/contacts', { workspace: ws.id })).status).toBe(200);
    const created = await api(jar, '/v1/contacts', {
      workspace: ws.id,
      method: 'POST',
      body: JSON.stringify({ email: 'made-by-a-person@example.com' }),
    });
    expect(created.status).toBe(201);

    const missing = await api(jar, '/v1/contacts');
    expect(missing.status).toBe(400);
    expect(field(await missing.json(), 'error', 'message')).toContain('x-ecrm-workspace');
    const foreign = await api(jar, '/v1/contacts', { workspace: other.id });
    expect(foreign.status).toBe(403);
    expect(field(await foreign.json(), 'error', 'code')).toBe('forbidden');
    expect((await api(jar, '/v1/contacts', { workspace: 'not a workspace' })).status).toBe(400);

    // The access token works as a bearer token too (a script acting as the person).
    const token = jar.values.get('ecrm_session') ?? '';
    const bearer = await fetch(`${stack.apiUrl}/v1/contacts`, {
      headers: { authorization: `Bearer ${decodeURIComponent(token)}`, 'x-ecrm-workspace': ws.id },
    });
    expect(bearer.status).toBe(200);
    // People never get the ingest scope.
    const track = await api(jar, '/v1/track', {
      workspace: ws.id,
      method: 'POST',
      body: JSON.stringify({ name: 'page_viewed', anonymousId: 'v-1' }),
    });
    expect(track.status).toBe(403);
  });

  it('refuses a session that is not a valid token, and answers 401 without credentials', async () => {
    const forged = new Jar();
    forged.values.set('ecrm_session', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    const res = await api(forged, '/v1/contacts', { workspace: ws.id });
    expect(res.status).toBe(401);
    expect(field(await res.json(), 'error', 'code')).toBe('unauthorized');
    // Signed out is an answer to /auth/me, not an error (a browser logs every 4xx as a console error).
    const nobody = await api(new Jar(), '/auth/me');
    expect(nobody.status).toBe(200);
    expect(await nobody.json()).toEqual({ user: null, memberships: [] });
    const forgedMe = await api(forged, '/auth/me');
    expect(await forgedMe.json()).toEqual({ user: null, memberships: [] });
    expect(forgedMe.headers.getSetCookie().some((c) => /^ecrm_session=;/.test(c))).toBe(true);
    // A bearer token is a script's: invalid is 401.
    const badBearer = await fetch(`${stack.apiUrl}/auth/me`, {
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
    });
    expect(badBearer.status).toBe(401);
    expect(
      (await fetch(`${stack.apiUrl}/v1/contacts`, { headers: { 'x-ecrm-workspace': ws.id } })).status,
    ).toBe(401);
  });

  it('passes the console’s language to the sign-in page as managed login’s lang, and drops any other', async () => {
    const authorizeFor = async (lang: string) => {
      const login = await fetch(
        `${stack.apiUrl}/auth/login?returnTo=%2Fsegments&lang=${encodeURIComponent(lang)}`,
        { redirect: 'manual' },
      );
      expect(login.status, lang).toBe(302);
      return login.headers.get('location') ?? '';
    };
    const spanish = await authorizeFor('es');
    expect(new URL(spanish).searchParams.get('lang')).toBe('es');
    const form = await (await fetch(spanish)).text();
    expect(form).toContain('<html lang="es">');
    expect(form).toContain('<label for="password">Contraseña</label>');
    // The form's action keeps lang: the page after it speaks Spanish too.
    expect(new URL(formAction(form), stack.cognito.endpoint).searchParams.get('lang')).toBe('es');

    expect(new URL(await authorizeFor('zh-Hant')).searchParams.get('lang')).toBe('zh-TW');
    for (const other of ['de', 'zh-TW', 'EN', 'es&lang=de', 'es"><script>x</script>', '']) {
      const location = await authorizeFor(other);
      expect(new URL(location).searchParams.has('lang'), other).toBe(false);
      expect(location, other).not.toContain('script');
    }
  });

  it('shows the form again on a wrong password, and issues no code', async () => {
    const { posted } = await signIn(admin.email, 'not-the-password');
    expect(posted.status).toBe(400);
    const html = await posted.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Incorrect email or password.');
    expect(html).toContain('<label for="password">');
  });

  it('refuses a callback this browser did not start, and never redirects off the origin', async () => {
    const { jar, posted } = await signIn(admin.email, 'owner-password', '//evil.example/steal');
    const callback = new URL(posted.headers.get('location') ?? '');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'x'.repeat(43));
    const refused = await fetch(forged, { redirect: 'manual', headers: { cookie: jar.header() } });
    expect(refused.status).toBe(400);
    const noCookie = await fetch(callback, { redirect: 'manual' });
    expect(noCookie.status).toBe(400);
    // The code was spent by neither: the genuine callback still signs in, and returns to / only.
    expect(await completeSignIn(jar, posted)).toBe('/');
  });

  it('refreshes the session, and signs out', async () => {
    const { jar, posted } = await signIn(admin.email, 'owner-password');
    await completeSignIn(jar, posted);
    const before = jar.values.get('ecrm_session');
    const refreshed = await fetch(`${stack.apiUrl}/auth/refresh`, {
      method: 'POST',
      headers: { cookie: jar.header() },
    });
    expect(refreshed.status).toBe(204);
    jar.take(refreshed);
    expect(jar.values.get('ecrm_session')).not.toBe(before);
    expect((await api(jar, '/v1/contacts', { workspace: ws.id })).status).toBe(200);
    expect((await fetch(`${stack.apiUrl}/auth/refresh`, { method: 'POST' })).status).toBe(401);

    // A session cookie gone bad (expired) is renewed by /auth/me from the refresh cookie.
    const stale = new Jar();
    stale.values.set('ecrm_session', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    stale.values.set('ecrm_refresh', jar.values.get('ecrm_refresh') ?? '');
    const renewed = await api(stale, '/auth/me');
    expect(renewed.status).toBe(200);
    expect(field(await renewed.json(), 'user', 'id')).toBe(admin.sub);
    stale.take(renewed);
    expect(stale.values.get('ecrm_session')).not.toBe('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect((await api(stale, '/v1/contacts', { workspace: ws.id })).status).toBe(200);

    const out = await fetch(`${stack.apiUrl}/auth/logout`, {
      method: 'POST',
      headers: { cookie: jar.header() },
    });
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie();
    expect(cleared.some((c) => c.startsWith('ecrm_session=;') && c.includes('Max-Age=0'))).toBe(true);
    expect(cleared.some((c) => c.startsWith('ecrm_refresh=;') && c.includes('Path=/auth'))).toBe(true);
    expect(String(field(await out.json(), 'logoutUrl'))).toContain(`${stack.cognito.endpoint}/logout?`);
    jar.take(out);
    expect(jar.values.size).toBe(0);
    expect((await api(jar, '/v1/contacts', { workspace: ws.id })).status).toBe(401);
  });
});

describe('roles and the users API', () => {
  it('invites an analyst, who chooses a password, reads and cannot write', async () => {
    const asAdmin = client(stack, ws.admin);
    const res = await asAdmin.post('/v1/users', { email: 'Reader@Shop.example', role: 'analyst' });
    expect(res.status).toBe(201);
    const invitation = stack.cognito.invitations.find((i) => i.email === 'reader@shop.example');
    expect(invitation).toBeDefined();
    const { jar, posted } = await signIn('reader@shop.example', invitation?.temporaryPassword ?? '');
    expect(posted.status).toBe(200);
    const page = await posted.text();
    expect(page).toContain('<label for="new-password">');
    const chosen = await fetch(new URL(formAction(page), stack.cognito.endpoint), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: 'reader@shop.example',
        password: invitation?.temporaryPassword ?? '',
        newPassword: 'reader-password',
        confirmPassword: 'reader-password',
      }).toString(),
    });
    await completeSignIn(jar, chosen);
    expect((await api(jar, '/v1/contacts', { workspace: ws.id })).status).toBe(200);
    const write = await api(jar, '/v1/contacts', {
      workspace: ws.id,
      method: 'POST',
      body: JSON.stringify({ email: 'nope@example.com' }),
    });
    expect(write.status).toBe(403);
    expect(field(await write.json(), 'error', 'message')).toContain('analyst');
    expect((await api(jar, '/v1/users', { workspace: ws.id })).status).toBe(403);
  });

  it('lists, changes and removes members, keeping the last admin, also from the CLI', async () => {
    const asAdmin = client(stack, ws.admin);
    const listed = await asAdmin.get('/v1/users?limit=1');
    expect(listed.status).toBe(200);
    expect(field(listed.body, 'users', 'length')).toBe(1);
    expect(typeof field(listed.body, 'next')).toBe('string');
    const demote = await asAdmin.patch(`/v1/users/${admin.sub}`, { role: 'marketer' });
    expect(demote.status).toBe(409);
    expect(field(demote.body, 'error', 'message')).toContain('one admin');

    const added = await ecrmCli(
      stack,
      ws.admin,
      'user',
      'invite',
      '--email',
      'helper@shop.example',
      '--role',
      'marketer',
    );
    const helperId = String(field(added, 'user', 'id'));
    expect(
      field(await ecrmCli(stack, ws.admin, 'user', 'set-role', '--id', helperId, '--role', 'admin'), 'role'),
    ).toBe('admin');
    expect((await asAdmin.patch(`/v1/users/${admin.sub}`, { role: 'marketer' })).status).toBe(200);
    const all = await ecrmCli(stack, ws.admin, 'user', 'list');
    expect(JSON.stringify(all)).toContain('helper@shop.example');
    expect(field(await ecrmCli(stack, ws.admin, 'user', 'remove', '--id', admin.sub), 'id')).toBe(admin.sub);
    expect((await client(stack, other.admin).get('/v1/users')).body).toEqual({ users: [] });
  });
});

describe('a forgotten password', () => {
  it('is reset from the sign-in form with the code mailed into the local SES, then the console signs in', async () => {
    const email = 'forgetful@shop.example';
    const invited = await client(stack, ws.admin).post('/v1/users', { email, role: 'marketer' });
    expect(invited.status).toBe(201);
    stack.cognito.createUser(email, 'forgotten-password');

    const jar = new Jar();
    const login = await fetch(`${stack.apiUrl}/auth/login?returnTo=%2Fsegments`, { redirect: 'manual' });
    jar.take(login);
    const signInForm = await (await fetch(login.headers.get('location') ?? '')).text();
    const forgotHref = unescapeHtml(
      /<a href="([^"]+)">Forgot your password\?<\/a>/.exec(signInForm)?.[1] ?? '',
    );
    const forgot = await (await fetch(new URL(forgotHref, stack.cognito.endpoint))).text();
    const post = (action: string, form: Record<string, string>) =>
      fetch(new URL(action, stack.cognito.endpoint), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    const codePage = await (await post(formAction(forgot), { username: email })).text();

    const mail = (await readStoredEmails(stack.sesEndpoint, { to: email })).at(-1);
    const code = /\b(\d{6})\b/.exec(mail?.body.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const done = await post(formAction(codePage), {
      username: email,
      code,
      newPassword: 'remembered-password',
      confirmPassword: 'remembered-password',
    });
    expect(done.status).toBe(200);
    const posted = await post(formAction(await done.text()), {
      username: email,
      password: 'remembered-password',
    });
    expect(await completeSignIn(jar, posted)).toBe('/segments');
    const me = await api(jar, '/auth/me');
    expect(field(await me.json(), 'user', 'email')).toBe(email);
  });
});
