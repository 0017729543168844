/**
 * The local Cognito's password reset, as a browser and the real SDK client see it: "Forgot your
 * password?" from the sign-in form, the code mailed into the local SES store, the code page, back in
 * the client's sign-in flow; wrong, expired, reused and over-guessed codes; an unknown address answered
 * exactly as a known one; ForgotPassword, ConfirmForgotPassword and AdminResetUserPassword with
 * Cognito's errors.
 */
import { randomUUID } from 'node:crypto';
import {
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ExpiredCodeException,
  ForgotPasswordCommand,
  InvalidPasswordException,
  LimitExceededException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COGNITO_FROM, sesResetMailer } from '../../infra/local/cognito-mail.ts';
import { MAX_WRONG_ATTEMPTS } from '../../infra/local/cognito-password-reset.ts';
import { type LocalCognito, startLocalCognito } from '../../infra/local/local-cognito.ts';
import { readStoredEmails, type SesLocal, startSesLocal } from '../../infra/local/ses-local.ts';

const CALLBACK = 'http://127.0.0.1:1/auth/callback';
let ses: SesLocal;
let cognito: LocalCognito;
let client: CognitoIdentityProviderClient;
/** Added to the real time: the local Cognito's clock. */
let clockOffsetMs = 0;

beforeAll(async () => {
  ses = await startSesLocal();
  cognito = await startLocalCognito({
    mailer: sesResetMailer(ses.endpoint),
    now: () => new Date(Date.now() + clockOffsetMs),
  });
  cognito.allowUrls({ callback: CALLBACK, logout: 'http://127.0.0.1:1/' });
  client = new CognitoIdentityProviderClient({
    endpoint: cognito.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  await cognito?.stop();
  await ses?.stop();
});

const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@shop.example`;

const authorizeQuery = (overrides: Record<string, string> = {}) =>
  `?${new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: CALLBACK,
    state: 'the-state',
    code_challenge: 'x'.repeat(43),
    code_challenge_method: 'S256',
    ...overrides,
  })}`;

const unescapeHtml = (html: string) =>
  html.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));

/** The form's action, or a link's href, of a page (the pages escape `&` as `&#38;`). */
const formAction = (html: string) =>
  unescapeHtml(/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '');
const linkTo = (html: string, label: string) => {
  const literal = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return unescapeHtml(new RegExp(`<a href="([^"]+)">${literal}</a>`).exec(html)?.[1] ?? '');
};

const post = (path: string, form: Record<string, string>) =>
  fetch(new URL(path, cognito.endpoint), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

/** The 6 digits of the latest reset email to `to`. */
const mailedCode = async (to: string) => {
  const mail = (await readStoredEmails(ses.endpoint, { to })).at(-1);
  const code = /\b(\d{6})\b/.exec(mail?.body.text ?? '')?.[1];
  if (!code) throw new Error(`no reset code mailed to ${to}`);
  return code;
};

/** Asks for a code through the pages; resolves with the code page's HTML. */
const requestCode = async (email: string, query = authorizeQuery()) => {
  const res = await post(`/forgotPassword${query}`, { username: email });
  expect(res.status).toBe(200);
  return res.text();
};

const confirm = (email: string, code: string, password: string, query = authorizeQuery()) =>
  post(`/confirmForgotPassword${query}`, {
    username: email,
    code,
    newPassword: password,
    confirmPassword: password,
  });

const signIn = (email: string, password: string, query = authorizeQuery()) =>
  post(`/login${query}`, { username: email, password });

describe('the password reset pages', () => {
  it('resets through the pages in the page’s language and lands back in the client’s sign-in flow', async () => {
    const email = address('rosa');
    cognito.createUser(email, 'old-password');
    const query = authorizeQuery({ lang: 'fr' });

    const signInForm = await (await fetch(`${cognito.endpoint}/oauth2/authorize${query}`)).text();
    const forgotHref = linkTo(signInForm, 'Mot de passe oublié ?');
    expect(forgotHref).toBe(`/forgotPassword${query}`);

    const forgot = await fetch(new URL(forgotHref, cognito.endpoint));
    expect(forgot.status).toBe(200);
    expect(forgot.headers.get('content-security-policy')).toContain("default-src 'none'");
    const forgotHtml = await forgot.text();
    expect(forgotHtml).toContain('<html lang="fr">');
    expect(forgotHtml).toContain('<label for="username">Adresse e-mail</label>');
    expect(forgotHtml).not.toContain('<script');
    expect(linkTo(forgotHtml, 'Retour à la connexion')).toBe(`/oauth2/authorize${query}`);

    const sent = await post(formAction(forgotHtml), { username: email.toUpperCase() });
    expect(sent.status).toBe(200);
    const codePage = await sent.text();
    expect(codePage).toContain('<html lang="fr">');
    expect(codePage).toContain('r***@s***');
    expect(codePage).toContain('<label for="code">Code</label>');
    expect(formAction(codePage)).toBe(`/confirmForgotPassword${query}`);

    const [mail] = await readStoredEmails(ses.endpoint, { to: email });
    expect(mail?.from).toContain(COGNITO_FROM);
    expect(mail?.subject).toBe('Votre code de réinitialisation du mot de passe');
    const code = await mailedCode(email);

    const done = await post(formAction(codePage), {
      username: email,
      code,
      newPassword: 'new-password',
      confirmPassword: 'new-password',
    });
    expect(done.status).toBe(200);
    const back = await done.text();
    expect(back).toContain(
      '<p class="notice" role="status">Votre mot de passe a été modifié. Connectez-vous avec le nouveau.</p>',
    );
    expect(formAction(back)).toBe(`/login${query}`);

    const old = await post(formAction(back), { username: email, password: 'old-password' });
    expect(old.status).toBe(400);
    const signedIn = await post(formAction(back), { username: email, password: 'new-password' });
    expect(signedIn.status).toBe(302);
    const callback = new URL(signedIn.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe('the-state');
    expect(callback.searchParams.get('code')).toBeTruthy();

    // Spent: the same code again is refused, and the password stays the new one.
    const reused = await confirm(email, code, 'third-password', query);
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain(
      'Code : ce code a expiré ou a déjà servi ; demandez-en un nouveau.',
    );
    expect((await signIn(email, 'new-password')).status).toBe(302);
  });

  it('refuses a wrong code, then every try after too many, until a new code is sent', async () => {
    const email = address('wes');
    cognito.createUser(email, 'old-password');
    await requestCode(email);
    const code = await mailedCode(email);
    const wrong = code === '000000' ? '000001' : '000000';

    const first = await confirm(email, wrong, 'new-password');
    expect(first.status).toBe(400);
    const firstHtml = await first.text();
    expect(firstHtml).toContain(
      '<p class="error" role="alert" id="form-error">Code: this code is not correct; try again.</p>',
    );
    expect(firstHtml).toMatch(/<input id="code"[^>]*aria-invalid="true" aria-describedby="form-error">/);
    for (let i = 1; i < MAX_WRONG_ATTEMPTS; i++)
      expect((await confirm(email, wrong, 'new-password')).status).toBe(400);
    const limited = await confirm(email, code, 'new-password');
    expect(limited.status).toBe(400);
    expect(await limited.text()).toContain('Code: too many wrong attempts; ask for a new code.');
    expect((await signIn(email, 'new-password')).status).toBe(400);

    await requestCode(email);
    expect((await confirm(email, await mailedCode(email), 'new-password')).status).toBe(200);
    expect((await signIn(email, 'new-password')).status).toBe(302);
  });

  it('refuses a code after its hour', async () => {
    const email = address('eve');
    cognito.createUser(email, 'old-password');
    await requestCode(email);
    const code = await mailedCode(email);
    clockOffsetMs = 3600 * 1000 + 1000;
    try {
      const late = await confirm(email, code, 'new-password');
      expect(late.status).toBe(400);
      expect(await late.text()).toContain(
        'Code: this code has expired or was already used; ask for a new one.',
      );
    } finally {
      clockOffsetMs = 0;
    }
    expect((await signIn(email, 'old-password')).status).toBe(302);
  });

  it('answers an unknown address exactly as a known one, and mails nothing', async () => {
    const known = address('kim');
    const unknown = address('kai');
    cognito.createUser(known, 'old-password');
    const knownPage = await requestCode(known);
    const unknownPage = await requestCode(unknown);
    expect(unknownPage.replace(unknown, known)).toBe(knownPage);
    expect(await readStoredEmails(ses.endpoint, { to: unknown })).toEqual([]);

    const guessKnown = await confirm(known, '123456', 'new-password');
    const guessUnknown = await confirm(unknown, '123456', 'new-password');
    const knownCode = await mailedCode(known);
    if (knownCode !== '123456') {
      expect(guessUnknown.status).toBe(guessKnown.status);
      expect((await guessUnknown.text()).replace(unknown, known)).toBe(await guessKnown.text());
    }
  });

  it('names the field at fault and keeps the code usable when only the password is refused', async () => {
    const badEmail = await post(`/forgotPassword${authorizeQuery()}`, { username: 'not-an-email' });
    expect(badEmail.status).toBe(400);
    const badEmailHtml = await badEmail.text();
    expect(badEmailHtml).toContain('Email: enter a valid email address.');
    expect(badEmailHtml).toMatch(/<input id="username"[^>]*aria-invalid="true"/);

    const email = address('pat');
    cognito.createUser(email, 'old-password');
    await requestCode(email);
    const code = await mailedCode(email);
    const letters = await confirm(email, 'abcdef', 'new-password');
    expect(await letters.text()).toContain('Code: enter the 6 digits from the email.');
    const differ = await post(`/confirmForgotPassword${authorizeQuery()}`, {
      username: email,
      code,
      newPassword: 'new-password',
      confirmPassword: 'other-password',
    });
    expect(differ.status).toBe(400);
    expect(await differ.text()).toMatch(/<input id="new-password"[^>]*aria-invalid="true"/);
    const short = await confirm(email, code, 'short');
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('The password does not meet the policy: at least 8 characters.');
    expect((await confirm(email, code, 'long-enough')).status).toBe(200);
  });

  it('refuses the pages for an unregistered redirect', async () => {
    const evil = authorizeQuery({ redirect_uri: 'https://evil.example/cb' });
    expect((await fetch(`${cognito.endpoint}/forgotPassword${evil}`)).status).toBe(400);
    expect((await post(`/forgotPassword${evil}`, { username: 'a@b.example' })).status).toBe(400);
    expect((await confirm('a@b.example', '123456', 'new-password', evil)).status).toBe(400);
  });
});

describe('the reset in the cognito-idp API', () => {
  const ClientId = () => cognito.clientId;

  it('ForgotPassword and ConfirmForgotPassword answer with Cognito’s shapes and errors', async () => {
    const email = address('sdk');
    cognito.createUser(email, 'old-password');
    const sent = await client.send(new ForgotPasswordCommand({ ClientId: ClientId(), Username: email }));
    expect(sent.CodeDeliveryDetails).toEqual({
      Destination: 's***@s***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const nobody = await client.send(
      new ForgotPasswordCommand({ ClientId: ClientId(), Username: address('sam') }),
    );
    expect(nobody.CodeDeliveryDetails).toEqual(sent.CodeDeliveryDetails);

    const code = await mailedCode(email);
    expect((await readStoredEmails(ses.endpoint, { to: email })).at(-1)?.subject).toBe(
      'Your password reset code',
    );
    const confirmWith = (ConfirmationCode: string, Password: string) =>
      client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ClientId(),
          Username: email,
          ConfirmationCode,
          Password,
        }),
      );
    await expect(confirmWith(code, 'short')).rejects.toBeInstanceOf(InvalidPasswordException);
    const wrong = code === '999999' ? '999998' : '999999';
    await expect(confirmWith(wrong, 'new-password')).rejects.toBeInstanceOf(CodeMismatchException);
    await confirmWith(code, 'new-password');
    await expect(confirmWith(code, 'other-password')).rejects.toBeInstanceOf(ExpiredCodeException);
    expect((await signIn(email, 'new-password')).status).toBe(302);

    await client.send(new ForgotPasswordCommand({ ClientId: ClientId(), Username: email }));
    for (let i = 0; i < MAX_WRONG_ATTEMPTS; i++)
      await expect(confirmWith(wrong, 'x-password')).rejects.toBeInstanceOf(CodeMismatchException);
    await expect(confirmWith(await mailedCode(email), 'x-password')).rejects.toBeInstanceOf(
      LimitExceededException,
    );
  });

  it('AdminResetUserPassword requires a reset at the next sign-in, with a code mailed', async () => {
    const email = address('ada');
    const { sub } = cognito.createUser(email, 'old-password');
    await client.send(new AdminResetUserPasswordCommand({ UserPoolId: cognito.poolId, Username: sub }));
    const got = await client.send(new AdminGetUserCommand({ UserPoolId: cognito.poolId, Username: email }));
    expect(got.UserStatus).toBe('RESET_REQUIRED');

    const query = authorizeQuery({ lang: 'es' });
    const wrong = await signIn(email, 'not-it', query);
    expect(wrong.status).toBe(400);
    const asked = await signIn(email, 'old-password', query);
    expect(asked.status).toBe(200);
    const page = await asked.text();
    expect(page).toContain('Debes restablecer la contraseña antes de iniciar sesión.');
    expect(formAction(page)).toBe(`/confirmForgotPassword${query}`);
    const mail = (await readStoredEmails(ses.endpoint, { to: email })).at(-1);
    expect(mail?.subject).toBe('Tu código para restablecer la contraseña');

    expect((await confirm(email, await mailedCode(email), 'new-password', query)).status).toBe(200);
    const after = await client.send(new AdminGetUserCommand({ UserPoolId: cognito.poolId, Username: email }));
    expect(after.UserStatus).toBe('CONFIRMED');
    expect((await signIn(email, 'new-password', query)).status).toBe(302);
  });
});
