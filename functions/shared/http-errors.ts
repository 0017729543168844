/**
 * The one place where errors become HTTP responses: status, a stable code, a message naming the bad
 * field. Unknown errors are logged and answered 500 without internals.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { PROTECTED_FIELDS } from '../../lib/contacts/protected-fields.ts';
import {
  BadRequestError,
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  TransientError,
  UnauthorizedError,
  ValidationError,
} from '../../lib/shared/errors.ts';
import { logger } from './logger.ts';

export { logger };

export interface ErrorBody {
  error: { status: number; code: string; message: string; issues?: FieldIssue[] };
}

export const jsonResponse = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json', ...headers },
  body: status === 204 ? '' : JSON.stringify(body),
});

/**
 * A page for people. It is never cached (it shows a person's choices), never framed, sends no
 * referrer (its URL holds a token), runs no script, and posts its forms only to itself.
 */
export const htmlResponse = (
  status: number,
  html: string,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ...headers,
  },
  body: html,
});

const errorResponse = (
  status: number,
  code: string,
  message: string,
  issues?: FieldIssue[],
  headers: Record<string, string> = {},
) =>
  jsonResponse(
    status,
    { error: { status, code, message, ...(issues?.length ? { issues } : {}) } } satisfies ErrorBody,
    headers,
  );

const protectedFields: readonly string[] = PROTECTED_FIELDS;

/** `batch[3].name`: object keys joined by dots, array positions in brackets. */
export const fieldPath = (segments: readonly PropertyKey[]): string =>
  segments.reduce<string>((out, segment) => {
    if (typeof segment === 'number') return `${out}[${segment}]`;
    const name = String(segment);
    return out ? `${out}.${name}` : name;
  }, '');

type Issue = z.core.$ZodIssue;

/**
 * The issues of the union branch the input most likely meant: a branch whose very shape differs
 * (a type mismatch at the union itself) ranks last, then the fewest issues, then the deepest path.
 * So `{"name": 12345}` against "one event or a batch" reports `name`, not "Invalid input".
 */
const closestBranch = (branches: readonly (readonly Issue[])[]): readonly Issue[] => {
  const rank = (issues: readonly Issue[]) => [
    issues.some((i) => i.path.length === 0 && i.code === 'invalid_type') ? 1 : 0,
    issues.length,
    -Math.max(0, ...issues.map((i) => i.path.length)),
  ];
  let best: readonly Issue[] = branches[0] ?? [];
  for (const branch of branches.slice(1)) {
    const [a, b] = [rank(branch), rank(best)];
    const i = a.findIndex((v, n) => v !== b[n]);
    if (i >= 0 && (a[i] ?? 0) < (b[i] ?? 0)) best = branch;
  }
  return best;
};

/** Each issue with its full path; union failures replaced by the closest branch's own issues. */
const leafIssues = (issues: readonly Issue[], base: readonly PropertyKey[] = []): [PropertyKey[], Issue][] =>
  issues.flatMap((issue): [PropertyKey[], Issue][] => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0)
      return leafIssues(closestBranch(issue.errors), path);
    return [[path, issue]];
  });

/** zod issues as field issues: `path.to.field` (`batch[3].name`) and a message a person can act on. */
export const fieldIssues = (error: z.ZodError, prefix = ''): FieldIssue[] =>
  leafIssues(error.issues).flatMap(([segments, issue]) => {
    const base = fieldPath([...(prefix ? [prefix] : []), ...segments]);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: protectedFields.includes(key)
          ? 'is managed by ecrm and cannot be set here'
          : 'is not a known field',
      }));
    }
    return [{ path: base || '(body)', message: issue.message }];
  });

export const toErrorResponse = (error: unknown): APIGatewayProxyStructuredResultV2 => {
  if (error instanceof ValidationError)
    return errorResponse(422, error.code, error.message, [...error.issues]);
  if (error instanceof z.ZodError) {
    const issues = fieldIssues(error);
    return errorResponse(
      422,
      'validation_failed',
      `invalid ${issues[0]?.path}: ${issues[0]?.message}`,
      issues,
    );
  }
  if (error instanceof PayloadTooLargeError)
    return errorResponse(413, error.code, error.message, [...error.issues]);
  if (error instanceof BadRequestError) return errorResponse(400, error.code, error.message);
  if (error instanceof NotFoundError) return errorResponse(404, error.code, error.message);
  if (error instanceof ConflictError) return errorResponse(409, error.code, error.message);
  if (error instanceof UnauthorizedError) return errorResponse(401, error.code, error.message);
  if (error instanceof ForbiddenError) return errorResponse(403, error.code, error.message);
  if (error instanceof RateLimitedError)
    return errorResponse(429, error.code, error.message, undefined, {
      'retry-after': String(error.retryAfterSeconds),
    });
  if (error instanceof TransientError)
    return errorResponse(503, error.code, 'temporarily unavailable, retry');
  if (
    error instanceof Error &&
    (error.name === 'ProvisionedThroughputExceededException' || error.name === 'ThrottlingException')
  ) {
    return errorResponse(503, 'throttled', 'temporarily unavailable, retry');
  }
  logger.error('unhandled error', { error: error instanceof Error ? error : String(error) });
  return errorResponse(500, 'internal', 'internal error');
};
