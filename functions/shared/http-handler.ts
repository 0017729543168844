/**
 * Builds a thin HTTP handler from a route spec: who calls — an API key, or a signed-in person (the
 * `ecrm_session` cookie or a bearer access token, with the `x-ecrm-workspace` header) — (401 when
 * missing, malformed, unknown, revoked or expired, 400 without the workspace header, with the
 * product's error body), their scope (403), body size cap (413), JSON and zod parsing of params, query
 * and body (422 naming the field), and one error mapping. The handler itself only calls a use case and
 * says what to answer (a JSON body, a page, or a redirect, with cookies to set).
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { parseCookies, SESSION_COOKIE } from '../../lib/auth/cookies.ts';
import { WORKSPACE_HEADER } from '../../lib/auth/user-authenticator.ts';
import {
  ForbiddenError,
  PayloadTooLargeError,
  UnauthorizedError,
  ValidationError,
} from '../../lib/shared/errors.ts';
import { jsonBodyTextIssues } from '../../lib/shared/http/json-body-text.ts';
import { type RouteSpec, scopeSatisfies } from '../../lib/shared/http/route.ts';
import type { scopeSchema } from '../../lib/workspaces/workspace.schema.ts';
import { ingestLimiter, keyAuthenticator, workspaceRateLimits } from './deps.ts';
import { fieldIssues, htmlResponse, jsonResponse, toErrorResponse } from './http-errors.ts';
import { userAuth } from './user-auth-deps.ts';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface Principal {
  readonly workspaceId: string;
  /** Who acts, for audit: `key:<key id>` for an API key, `user:<sub>` for a signed-in person. */
  readonly actor: string;
  readonly scopes: readonly z.infer<typeof scopeSchema>[];
}

type Infer<S> = [NonNullable<S>] extends [z.ZodType] ? z.output<NonNullable<S>> : undefined;

export interface RouteInput<S extends RouteSpec> {
  readonly principal: Principal;
  readonly params: Infer<S['params']>;
  readonly query: Infer<S['query']>;
  readonly body: Infer<S['body']>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The request's cookies by name (API Gateway payload 2.0 gives them apart from the headers). */
  readonly cookies: Readonly<Record<string, string>>;
  /** The body's exact bytes, for routes that declare `rawBody` (empty otherwise). */
  readonly rawBody: Buffer;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** A page for people instead of JSON (routes that declare a `text/html` answer). */
  readonly html?: string;
  readonly headers?: Record<string, string>;
  /** `Set-Cookie` values, each its own header (the Lambda result's `cookies`). */
  readonly cookies?: readonly string[];
}

const PUBLIC: Principal = { workspaceId: '', actor: '', scopes: [] };

/** Three base64url segments, the first a JSON header: a JWT. An API key is `ecrm.<ws>.<key>.<secret>`. */
const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The user's access token: a bearer JWT, else the session cookie when no Authorization is sent. */
const userTokenOf = (
  authorization: string | undefined,
  cookies: Readonly<Record<string, string>>,
): string | undefined => {
  if (authorization !== undefined) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    return bearer && JWT_SHAPE.test(bearer) ? bearer : undefined;
  }
  return cookies[SESSION_COOKIE] || undefined;
};

/** A signed-in person: their token verified, their role in the workspace they name giving the scopes. */
const userPrincipalOf = async (spec: RouteSpec, token: string, workspaceHeader: string | undefined) => {
  const user = await userAuth().authenticate(token, workspaceHeader);
  if (spec.scope === 'ingest')
    throw new ForbiddenError('this route takes an ingest API key: people do not send tracking events');
  if (!scopeSatisfies(user.scopes, spec.scope))
    throw new ForbiddenError(`your role in this workspace (${user.role}) lacks the ${spec.scope} scope`);
  const principal: Principal = {
    workspaceId: user.workspaceId,
    actor: `user:${user.userId}`,
    scopes: user.scopes,
  };
  return principal;
};

/**
 * Who calls: nobody for public routes; a person (session cookie or bearer access token, plus the
 * workspace header); else the key in `Authorization` (cached per container), with its scope, its
 * allowed origins, and for ingest routes (reachable with a key published in web pages) the rate
 * limits per key and per workspace.
 */
const principalOf = async (
  spec: RouteSpec,
  headers: Record<string, string | undefined>,
  cookies: Readonly<Record<string, string>>,
) => {
  if (spec.scope === 'public') return PUBLIC;
  const userToken = userTokenOf(headers.authorization, cookies);
  if (userToken) return userPrincipalOf(spec, userToken, headers[WORKSPACE_HEADER]);
  if (headers.authorization === undefined)
    throw new UnauthorizedError(
      'sign in (the console keeps the session in a cookie) or send an API key: Authorization: Bearer <key>',
    );
  const key = await keyAuthenticator().authenticate(headers.authorization);
  if (!scopeSatisfies(key.scopes, spec.scope)) {
    throw new ForbiddenError(`this key lacks the ${spec.scope} scope`);
  }
  if (key.allowedOrigins && !key.allowedOrigins.includes(headers.origin ?? '')) {
    throw new ForbiddenError(
      headers.origin
        ? `this key may not be used from ${headers.origin}`
        : 'this key may be used only from its allowed origins (the Origin header is missing)',
    );
  }
  if (spec.scope === 'ingest') {
    const limits = await workspaceRateLimits(key.workspaceId);
    await ingestLimiter().admit({ workspaceId: key.workspaceId, keyId: key.keyId, limits });
  }
  const principal: Principal = {
    workspaceId: key.workspaceId,
    actor: `key:${key.keyId}`,
    scopes: key.scopes,
  };
  return principal;
};

const parsePart = (schema: z.ZodType | undefined, value: unknown, where: string) => {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = fieldIssues(result.error, where === 'body' ? '' : where);
    throw new ValidationError(`invalid ${issues[0]?.path}: ${issues[0]?.message}`, issues);
  }
  return result.data;
};

/** The body as received: API Gateway base64-encodes bodies it does not take for text. */
const bodyBytes = (spec: RouteSpec, event: APIGatewayProxyEventV2): Buffer => {
  const bytes =
    event.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  const max = spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (bytes.length > max)
    throw new PayloadTooLargeError(`body is ${bytes.length} bytes; this route takes at most ${max}`);
  return bytes;
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * An HTML form's text fields (urlencoded or multipart, parsed by the runtime's own WHATWG parser); a
 * field given more than once becomes a list. Files are refused: no form of ours uploads one.
 */
const readForm = async (bytes: Buffer, contentType: string | undefined): Promise<unknown> => {
  const type = contentType ?? 'application/x-www-form-urlencoded';
  if (!FORM_TYPES.some((t) => type.toLowerCase().startsWith(t)))
    throw new ValidationError(`this route takes a form (${FORM_TYPES.join(' or ')}), not ${type}`, [
      { path: '(body)', message: `content-type ${type} is not a form` },
    ]);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new ValidationError('the form body is malformed', [{ path: '(body)', message: 'not a form' }]);
  }
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string')
      throw new ValidationError(`${name}: files are not accepted`, [{ path: name, message: 'a file' }]);
    const held = fields[name];
    fields[name] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return fields;
};

/** `application/json` or a `+json` type (`application/merge-patch+json`), with any parameters. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
/** What browsers label a string body with (fetch, sendBeacon): read as JSON, as no type at all is. */
const TEXT_TYPE = /^text\/plain\s*(?:;|$)/i;

/**
 * A JSON route reads JSON only: a body declared as something else (a form, multipart, XML, CSV) is
 * refused rather than read as JSON anyway, as a form route refuses JSON.
 */
const checkJsonType = (contentType: string | undefined): void => {
  const type = contentType?.trim();
  if (!type || JSON_TYPE.test(type) || TEXT_TYPE.test(type)) return;
  throw new ValidationError(`this route takes JSON (application/json), not ${type}`, [
    { path: '(body)', message: `content-type ${type} is not JSON` },
  ]);
};

const readBody = async (spec: RouteSpec, bytes: Buffer, contentType: string | undefined) => {
  if (!spec.body) return undefined;
  if (spec.bodyEncoding === 'form') return readForm(bytes, contentType);
  checkJsonType(contentType);
  const raw = bytes.toString('utf8');
  if (raw.trim() === '')
    throw new ValidationError('a JSON body is required', [{ path: '(body)', message: 'empty' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ValidationError('body is not valid JSON', [{ path: '(body)', message: 'not valid JSON' }]);
  }
  const issues = jsonBodyTextIssues(parsed);
  const [first] = issues;
  if (first) throw new ValidationError(`invalid ${first.path}: ${first.message}`, issues);
  return parsed;
};

const lowerCaseHeaders = (headers: APIGatewayProxyEventV2['headers']) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

export const httpHandler = <S extends RouteSpec>(spec: S, run: (input: RouteInput<S>) => Promise<Reply>) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler(async (event) => {
    try {
      const headers = lowerCaseHeaders(event.headers);
      const cookies = parseCookies(event.cookies);
      const principal = await principalOf(spec, headers, cookies);
      const bytes = spec.body || spec.rawBody ? bodyBytes(spec, event) : Buffer.alloc(0);
      const input = {
        principal,
        rawBody: spec.rawBody ? bytes : Buffer.alloc(0),
        params: parsePart(spec.params, event.pathParameters ?? {}, 'path'),
        query: parsePart(spec.query, event.queryStringParameters ?? {}, 'query'),
        body: parsePart(spec.body, await readBody(spec, bytes, headers['content-type']), 'body'),
        headers,
        cookies,
        // Each part was parsed by the very schema its type is inferred from; TypeScript cannot follow that through the generic.
      } as RouteInput<S>;
      const reply = await run(input);
      const cookiesOut = reply.cookies?.length ? { cookies: [...reply.cookies] } : {};
      if (reply.status >= 300 && reply.status < 400)
        return { statusCode: reply.status, headers: { ...reply.headers }, ...cookiesOut };
      if (reply.html !== undefined)
        return { ...htmlResponse(reply.status, reply.html, reply.headers), ...cookiesOut };
      return { ...jsonResponse(reply.status, reply.body ?? null, reply.headers), ...cookiesOut };
    } catch (error) {
      return toErrorResponse(error);
    }
  });

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });
export const page = (status: number, html: string): Reply => ({ status, html });
/** A 302 to `location` (never cached), setting `cookies`. */
export const redirect = (location: string, cookies: readonly string[] = []): Reply => ({
  status: 302,
  headers: { location, 'cache-control': 'no-store' },
  cookies,
});
