/**
 * Builds a thin HTTP handler from a route spec: body size cap (413), JSON and zod parsing of params,
 * query and body (422 naming the field), the key's scope (403), and one error mapping. The handler
 * itself only calls a use case and says what to answer.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import {
  ForbiddenError,
  PayloadTooLargeError,
  UnauthorizedError,
  ValidationError,
} from '../../lib/shared/errors.ts';
import { type RouteSpec, scopeSatisfies } from '../../lib/shared/http/route.ts';
import { scopeSchema } from '../../lib/workspaces/workspace.schema.ts';
import { fieldIssues, jsonResponse, toErrorResponse } from './http-errors.ts';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface Principal {
  readonly workspaceId: string;
  readonly keyId: string;
  readonly scopes: readonly z.infer<typeof scopeSchema>[];
}

type Infer<S> = [NonNullable<S>] extends [z.ZodType] ? z.output<NonNullable<S>> : undefined;

export interface RouteInput<S extends RouteSpec> {
  readonly principal: Principal;
  readonly params: Infer<S['params']>;
  readonly query: Infer<S['query']>;
  readonly body: Infer<S['body']>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body's exact bytes, for routes that declare `rawBody` (empty otherwise). */
  readonly rawBody: Buffer;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** The authorizer's simple-response context, as API Gateway (and the local stack) pass it on. */
const authorizerContext = z.object({
  workspaceId: z.string().min(1),
  keyId: z.string().min(1),
  scopes: z.string(),
});

const principalOf = (event: APIGatewayProxyEventV2): Principal => {
  const context = 'authorizer' in event.requestContext ? event.requestContext.authorizer : undefined;
  const lambda =
    typeof context === 'object' && context !== null && 'lambda' in context ? context.lambda : undefined;
  const parsed = authorizerContext.safeParse(lambda);
  if (!parsed.success) throw new UnauthorizedError('request was not authorized');
  const scopes = z.array(scopeSchema).parse(parsed.data.scopes.split(',').filter(Boolean));
  return { workspaceId: parsed.data.workspaceId, keyId: parsed.data.keyId, scopes };
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

const readBody = (spec: RouteSpec, bytes: Buffer): unknown => {
  if (!spec.body) return undefined;
  const raw = bytes.toString('utf8');
  if (raw.trim() === '')
    throw new ValidationError('a JSON body is required', [{ path: '(body)', message: 'empty' }]);
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError('body is not valid JSON', [{ path: '(body)', message: 'not valid JSON' }]);
  }
};

const lowerCaseHeaders = (headers: APIGatewayProxyEventV2['headers']) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

export const httpHandler = <S extends RouteSpec>(spec: S, run: (input: RouteInput<S>) => Promise<Reply>) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler(async (event) => {
    try {
      const principal =
        spec.scope === 'public' ? { workspaceId: '', keyId: '', scopes: [] } : principalOf(event);
      if (!scopeSatisfies(principal.scopes, spec.scope)) {
        throw new ForbiddenError(`this key lacks the ${spec.scope} scope`);
      }
      const bytes = spec.body || spec.rawBody ? bodyBytes(spec, event) : Buffer.alloc(0);
      const input = {
        principal,
        rawBody: spec.rawBody ? bytes : Buffer.alloc(0),
        params: parsePart(spec.params, event.pathParameters ?? {}, 'path'),
        query: parsePart(spec.query, event.queryStringParameters ?? {}, 'query'),
        body: parsePart(spec.body, readBody(spec, bytes), 'body'),
        headers: lowerCaseHeaders(event.headers),
        // Each part was parsed by the very schema its type is inferred from; TypeScript cannot follow that through the generic.
      } as RouteInput<S>;
      const reply = await run(input);
      return jsonResponse(reply.status, reply.body ?? null, reply.headers);
    } catch (error) {
      return toErrorResponse(error);
    }
  });

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });
