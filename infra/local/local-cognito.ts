/**
 * A local Cognito user pool on its own port, for the local stack's sign-in:
 * - the cognito-idp JSON API subset (cognito-idp-api.ts) for the real SDK client (POST `/`);
 * - the OAuth2 endpoints of the pool's domain: `/oauth2/authorize` (an accessible sign-in form),
 *   `/login` (its post), the password reset (`/forgotPassword`, `/confirmForgotPassword`, as managed
 *   login's "Forgot your password?"; the code mailed by `mailer`), `/oauth2/token` (authorization_code with S256 PKCE checked, refresh_token),
 *   `/logout`, and the issuer's `/<poolId>/.well-known/jwks.json` and `openid-configuration`.
 *
 * Invariants:
 * - RS256 keys generated at start; tokens in Cognito's shape (cognito-tokens.ts), valid one hour.
 * - Honest sign-in: a wrong password shows the form again with an error; a temporary password (an
 *   invitation) must be replaced before a code is issued; PKCE (S256) is required and checked.
 * - Codes are single-use, bound to the client, the redirect URI and the challenge, valid 5 minutes.
 * - Every page keeps the authorize request's parameters (and `lang`) in its links and form actions, and
 *   re-checks them, so a reset ends back in the client's sign-in flow.
 * - The reset pages answer the same whether the email has an account or not.
 * - Redirects only to the registered callback and sign-out URLs (`allowUrls`).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { handleIdp } from './cognito-idp-api.ts';
import { maskedEmail, PasswordReset, type ResetCodeMailer } from './cognito-password-reset.ts';
import {
  confirmResetPage,
  errorPage,
  forgotPasswordPage,
  newPasswordPage,
  type ResetField,
  signInPage,
} from './cognito-sign-in-page.ts';
import { signInText } from './cognito-sign-in-text.ts';
import { generateSigningKey, issueTokens, type SigningKey, TOKEN_SECONDS } from './cognito-tokens.ts';
import { CognitoError, checkPasswordPolicy, type Invitation, PoolUsers } from './cognito-users.ts';
import { LocalEndpoint } from './local-endpoint.ts';
import { RequestTooLargeError, readBody, sendJson } from './local-http-server.ts';

export interface LocalCognitoOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly region?: string;
  readonly poolId?: string;
  readonly clientId?: string;
  /** Told of each invitation (the temporary password Cognito would email). */
  readonly onInvite?: (email: string, temporaryPassword: string) => void;
  /** Delivers password reset codes (the local stack: the local SES); without it they are not sent. */
  readonly mailer?: ResetCodeMailer;
  readonly now?: () => Date;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_1_1 = { 'content-type': 'application/x-amz-json-1.1' };
const MAX_BODY_BYTES = 64 * 1024;
const CODE_MS = 5 * 60 * 1000;
const REFRESH_MS = 30 * 24 * 3600 * 1000;

/**
 * The sign-in pages' headers. `form-action` must also allow the registered callbacks' origins: the form
 * posts here, and the answer redirects to the console's callback, which the browser checks against
 * `form-action` too.
 */
const pageHeaders = (callbackOrigins: readonly string[]) => ({
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; ${["form-action 'self'", ...callbackOrigins].join(' ')}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
});

interface IssuedCode {
  readonly sub: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly expires: number;
  readonly authTime: number;
}

interface IssuedRefresh {
  readonly sub: string;
  readonly clientId: string;
  readonly expires: number;
  readonly authTime: number;
}

const formEmail = z.string().trim().max(256).pipe(z.email());
const forgotForm = z.object({ username: formEmail });
const confirmForm = z.object({
  username: formEmail,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
  newPassword: z.string().max(256),
  confirmPassword: z.string().max(256),
});

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Use {@link startLocalCognito}. */
export class LocalCognito {
  readonly poolId: string;
  readonly clientId: string;
  readonly users = new PoolUsers();
  private readonly key: SigningKey = generateSigningKey();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly refreshTokens = new Map<string, IssuedRefresh>();
  private readonly callbackUrls = new Set<string>();
  private readonly logoutUrls = new Set<string>();
  private readonly http: LocalEndpoint;
  private readonly now: () => Date;
  private readonly reset: PasswordReset;

  constructor(private readonly options: LocalCognitoOptions = {}) {
    this.poolId = options.poolId ?? `${options.region ?? 'us-east-1'}_ecrmLocal`;
    this.clientId = options.clientId ?? 'ecrmlocalconsoleclient0001';
    this.now = options.now ?? (() => new Date());
    this.reset = new PasswordReset(this.users, options.mailer, this.now);
    this.http = new LocalEndpoint('the local Cognito', (req, res) => this.handle(req, res), options);
  }

  /** `http://127.0.0.1:<port>`: the pool's OAuth domain and the cognito-idp endpoint. */
  get endpoint(): string {
    return this.http.url;
  }

  /** The tokens' `iss`: `<endpoint>/<poolId>`, as `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  get issuer(): string {
    return `${this.endpoint}/${this.poolId}`;
  }

  get jwksUri(): string {
    return `${this.issuer}/.well-known/jwks.json`;
  }

  /** The invitations Cognito would have emailed, oldest first. */
  get invitations(): readonly Invitation[] {
    return this.users.invitations;
  }

  /** Registers the app client's callback and sign-out URLs (the console's, once its URL is known). */
  allowUrls(urls: { readonly callback: string; readonly logout: string }): void {
    this.callbackUrls.add(urls.callback);
    this.logoutUrls.add(urls.logout);
  }

  /** A user who can sign in at once with this password (the demo user). */
  createUser(email: string, password: string): { sub: string; email: string } {
    const existing = this.users.find(email);
    const user = existing ?? this.users.create(email, this.now(), { silent: true }).user;
    this.users.setPassword(user.sub, password, true, this.now());
    return { sub: user.sub, email: user.email };
  }

  /** @internal Binds the endpoint; use {@link startLocalCognito}. */
  async listen(): Promise<this> {
    await this.http.listen();
    return this;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    let body: string;
    try {
      body = method === 'POST' ? await readBody(req, MAX_BODY_BYTES) : '';
    } catch (error) {
      if (error instanceof RequestTooLargeError) return sendJson(res, 413, { message: 'too large' });
      throw error;
    }
    if (method === 'POST' && url.pathname === '/') return this.idp(req, res, body);
    const wellKnown = `/${this.poolId}/.well-known/`;
    if (method === 'GET' && url.pathname === `${wellKnown}jwks.json`)
      return sendJson(res, 200, { keys: [this.key.jwk] });
    if (method === 'GET' && url.pathname === `${wellKnown}openid-configuration`)
      return sendJson(res, 200, this.openIdConfiguration());
    if (method === 'GET' && url.pathname === '/oauth2/authorize') return this.authorize(res, url);
    if (method === 'POST' && url.pathname === '/login')
      return this.login(res, url, new URLSearchParams(body));
    if (method === 'GET' && url.pathname === '/forgotPassword') return this.forgotPassword(res, url);
    if (method === 'POST' && url.pathname === '/forgotPassword')
      return this.sendResetCode(res, url, new URLSearchParams(body));
    if (method === 'POST' && url.pathname === '/confirmForgotPassword')
      return this.confirmReset(res, url, new URLSearchParams(body));
    if (method === 'POST' && url.pathname === '/oauth2/token')
      return this.token(res, new URLSearchParams(body));
    if (method === 'GET' && url.pathname === '/logout') return this.logout(res, url);
    sendJson(res, 404, { message: `No route for ${method} ${url.pathname}` });
  }

  private async idp(req: IncomingMessage, res: ServerResponse, text: string) {
    const target = req.headers['x-amz-target'];
    const fail = (status: number, type: string, message: string) =>
      sendJson(res, status, { __type: type, message }, { ...JSON_1_1, 'x-amzn-errortype': type });
    if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX))
      return fail(400, 'UnknownOperationException', `Unknown target ${String(target)}`);
    let input: unknown;
    try {
      input = text.trim() ? JSON.parse(text) : {};
    } catch {
      return fail(400, 'SerializationException', 'malformed JSON');
    }
    try {
      const output = await handleIdp(target.slice(TARGET_PREFIX.length), input, {
        poolId: this.poolId,
        clientId: this.clientId,
        reset: this.reset,
        users: this.users,
        now: this.now(),
        onInvite: (email, password) => this.options.onInvite?.(email, password),
      });
      sendJson(res, 200, output, JSON_1_1);
    } catch (error) {
      if (error instanceof CognitoError) return fail(error.status, error.type, error.message);
      throw error;
    }
  }

  private openIdConfiguration() {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.endpoint}/oauth2/authorize`,
      token_endpoint: `${this.endpoint}/oauth2/token`,
      end_session_endpoint: `${this.endpoint}/logout`,
      jwks_uri: this.jwksUri,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      code_challenge_methods_supported: ['S256'],
    };
  }

  /** The authorize request's problem, or undefined when it may proceed to the sign-in form. */
  private authorizeProblem(params: URLSearchParams): string | undefined {
    if (params.get('client_id') !== this.clientId) return 'unknown client_id';
    if (!this.callbackUrls.has(params.get('redirect_uri') ?? '')) return 'redirect_uri is not registered';
    if (params.get('response_type') !== 'code') return 'response_type must be code';
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge'))
      return 'PKCE is required: code_challenge with code_challenge_method S256';
    return undefined;
  }

  private page(res: ServerResponse, status: number, html: string) {
    const origins = new Set([...this.callbackUrls].map((u) => new URL(u).origin));
    res.writeHead(status, pageHeaders([...origins]));
    res.end(html);
  }

  /** Managed login's `lang` (kept in the form's action, so the next pages speak it too). */
  private authorize(res: ServerResponse, url: URL) {
    const lang = url.searchParams.get('lang');
    const problem = this.authorizeProblem(url.searchParams);
    if (problem) return this.page(res, 400, errorPage(problem, lang));
    this.page(
      res,
      200,
      signInPage(`/login${url.search}`, { lang, forgotHref: `/forgotPassword${url.search}` }),
    );
  }

  /** The reset pages' links and actions, each keeping the authorize request's parameters. */
  private static flow(url: URL) {
    return {
      signInHref: `/oauth2/authorize${url.search}`,
      forgotHref: `/forgotPassword${url.search}`,
      sendAction: `/forgotPassword${url.search}`,
      confirmAction: `/confirmForgotPassword${url.search}`,
      loginAction: `/login${url.search}`,
    };
  }

  /** "Forgot your password?": the email to send a code to. */
  private forgotPassword(res: ServerResponse, url: URL) {
    const lang = url.searchParams.get('lang');
    const problem = this.authorizeProblem(url.searchParams);
    if (problem) return this.page(res, 400, errorPage(problem, lang));
    const flow = LocalCognito.flow(url);
    this.page(res, 200, forgotPasswordPage(flow.sendAction, { lang, signInHref: flow.signInHref }));
  }

  /** Mails a code when the email has an account; the answer is the same either way. */
  private async sendResetCode(res: ServerResponse, url: URL, form: URLSearchParams) {
    const lang = url.searchParams.get('lang');
    const problem = this.authorizeProblem(url.searchParams);
    if (problem) return this.page(res, 400, errorPage(problem, lang));
    const flow = LocalCognito.flow(url);
    const parsed = forgotForm.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const error = signInText(lang).emailInvalid;
      const email = form.get('username') ?? '';
      return this.page(res, 400, forgotPasswordPage(flow.sendAction, { ...flow, lang, email, error }));
    }
    const email = parsed.data.username.toLowerCase();
    const destination = await this.requestCode(email, lang);
    this.page(res, 200, confirmResetPage(flow.confirmAction, { ...flow, lang, email, destination }));
  }

  /** ForgotPassword as the pages use it: an invited user's refusal looks like any other answer. */
  private async requestCode(email: string, lang: string | null): Promise<string> {
    try {
      return (await this.reset.request(email, lang)).destination;
    } catch (error) {
      if (error instanceof CognitoError && error.type === 'NotAuthorizedException') return maskedEmail(email);
      throw error;
    }
  }

  /** The code and the new password; back to the sign-in form, with a notice, once changed. */
  private confirmReset(res: ServerResponse, url: URL, form: URLSearchParams) {
    const lang = url.searchParams.get('lang');
    const text = signInText(lang);
    const problem = this.authorizeProblem(url.searchParams);
    if (problem) return this.page(res, 400, errorPage(problem, lang));
    const flow = LocalCognito.flow(url);
    const parsed = confirmForm.safeParse(Object.fromEntries(form));
    if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === 'username')) {
      const error = text.emailInvalid;
      return this.page(res, 400, forgotPasswordPage(flow.sendAction, { ...flow, lang, error }));
    }
    const email = (form.get('username') ?? '').trim().toLowerCase();
    const again = (field: ResetField, message: string) =>
      this.page(
        res,
        400,
        confirmResetPage(flow.confirmAction, {
          ...flow,
          lang,
          email,
          destination: maskedEmail(email),
          error: { field, message },
        }),
      );
    if (!parsed.success) {
      const codeWrong = parsed.error.issues.some((i) => i.path[0] === 'code');
      return codeWrong ? again('code', text.codeFormat) : again('newPassword', text.passwordPolicy);
    }
    const { code, newPassword, confirmPassword } = parsed.data;
    if (newPassword !== confirmPassword) return again('newPassword', text.passwordsDiffer);
    try {
      checkPasswordPolicy(newPassword);
      this.reset.confirm(email, code, newPassword);
    } catch (error) {
      if (!(error instanceof CognitoError)) throw error;
      const byType: Readonly<Record<string, readonly [ResetField, string]>> = {
        InvalidPasswordException: ['newPassword', text.passwordPolicy],
        CodeMismatchException: ['code', text.codeMismatch],
        ExpiredCodeException: ['code', text.codeExpired],
        LimitExceededException: ['code', text.codeLimit],
      };
      const known = Object.hasOwn(byType, error.type) ? byType[error.type] : undefined;
      if (!known) throw error;
      return again(...known);
    }
    this.page(
      res,
      200,
      signInPage(flow.loginAction, {
        lang,
        email,
        notice: text.passwordChanged,
        forgotHref: flow.forgotHref,
      }),
    );
  }

  private async login(res: ServerResponse, url: URL, form: URLSearchParams) {
    const params = url.searchParams;
    const lang = params.get('lang');
    const text = signInText(lang);
    const problem = this.authorizeProblem(params);
    if (problem) return this.page(res, 400, errorPage(problem, lang));
    const flow = LocalCognito.flow(url);
    const action = flow.loginAction;
    const email = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    const user = this.users.signIn(email, password);
    if (!user)
      return this.page(
        res,
        400,
        signInPage(action, { lang, email, error: text.incorrect, forgotHref: flow.forgotHref }),
      );
    if (user.status === 'RESET_REQUIRED') {
      // As managed login after PasswordResetRequiredException: a code is sent, then the code page.
      const destination = await this.requestCode(user.email, lang);
      return this.page(
        res,
        200,
        confirmResetPage(flow.confirmAction, {
          ...flow,
          lang,
          email: user.email,
          destination,
          resetRequired: true,
        }),
      );
    }
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      const next = form.get('newPassword');
      if (next === null)
        return this.page(res, 200, newPasswordPage(action, { lang, email, temporary: password }));
      const problemWith = () => {
        if (next !== form.get('confirmPassword')) return text.passwordsDiffer;
        try {
          checkPasswordPolicy(next);
        } catch (error) {
          if (error instanceof CognitoError) return text.passwordPolicy;
          throw error;
        }
        return undefined;
      };
      const error = problemWith();
      if (error)
        return this.page(res, 400, newPasswordPage(action, { lang, email, temporary: password, error }));
      this.users.setPassword(user.sub, next, true, this.now());
    }
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      sub: user.sub,
      clientId: this.clientId,
      redirectUri: params.get('redirect_uri') ?? '',
      challenge: params.get('code_challenge') ?? '',
      expires: this.now().getTime() + CODE_MS,
      authTime: Math.floor(this.now().getTime() / 1000),
    });
    const back = new URL(params.get('redirect_uri') ?? '');
    back.searchParams.set('code', code);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    res.writeHead(302, { location: back.toString(), 'cache-control': 'no-store' });
    res.end();
  }

  private tokens(res: ServerResponse, sub: string, authTime: number, refreshToken?: string) {
    const user = this.users.find(sub);
    if (!user?.enabled) return sendJson(res, 400, { error: 'invalid_grant' });
    const { accessToken, idToken } = issueTokens(
      this.key,
      { issuer: this.issuer, clientId: this.clientId, now: this.now().getTime(), authTime },
      { sub: user.sub, email: user.email },
    );
    sendJson(
      res,
      200,
      {
        access_token: accessToken,
        id_token: idToken,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        expires_in: TOKEN_SECONDS,
        token_type: 'Bearer',
      },
      { 'cache-control': 'no-store' },
    );
  }

  private token(res: ServerResponse, form: URLSearchParams) {
    const invalid = (error: string) => sendJson(res, 400, { error });
    if (form.get('client_id') !== this.clientId) return invalid('invalid_client');
    const now = this.now().getTime();
    switch (form.get('grant_type')) {
      case 'authorization_code': {
        const code = form.get('code') ?? '';
        const issued = this.codes.get(code);
        this.codes.delete(code);
        const verifier = form.get('code_verifier') ?? '';
        if (!issued || issued.expires < now || issued.redirectUri !== form.get('redirect_uri'))
          return invalid('invalid_grant');
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!sameText(challenge, issued.challenge)) return invalid('invalid_grant');
        const refresh = randomBytes(48).toString('base64url');
        this.refreshTokens.set(refresh, {
          sub: issued.sub,
          clientId: issued.clientId,
          expires: now + REFRESH_MS,
          authTime: issued.authTime,
        });
        return this.tokens(res, issued.sub, issued.authTime, refresh);
      }
      case 'refresh_token': {
        const issued = this.refreshTokens.get(form.get('refresh_token') ?? '');
        if (!issued || issued.expires < now) return invalid('invalid_grant');
        return this.tokens(res, issued.sub, issued.authTime);
      }
      default:
        return invalid('unsupported_grant_type');
    }
  }

  private logout(res: ServerResponse, url: URL) {
    const to = url.searchParams.get('logout_uri') ?? '';
    if (url.searchParams.get('client_id') !== this.clientId || !this.logoutUrls.has(to))
      return this.page(res, 400, errorPage('logout_uri is not registered for this client'));
    res.writeHead(302, { location: to, 'cache-control': 'no-store' });
    res.end();
  }
}

/** Starts a local Cognito on 127.0.0.1; `stop()` it when done. */
export const startLocalCognito = (options: LocalCognitoOptions = {}): Promise<LocalCognito> =>
  new LocalCognito(options).listen();
