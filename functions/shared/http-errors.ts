/**
 * The one place where errors become HTTP responses: status, a stable code, a message naming the bad
 * field. Unknown errors are logged and answered 500 without internals.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { PROTECTED_FIELDS } from '../../lib/contacts/contact.schema.ts';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  TransientError,
  UnauthorizedError,
  ValidationError,
} from '../../lib/shared/errors.ts';
import { InvalidCursorError } from '../../lib/shared/table.ts';
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

const errorResponse = (status: number, code: string, message: string, issues?: FieldIssue[]) =>
  jsonResponse(status, {
    error: { status, code, message, ...(issues?.length ? { issues } : {}) },
  } satisfies ErrorBody);

const protectedFields: readonly string[] = PROTECTED_FIELDS;

/** zod issues as field issues: `path.to.field` and a message a person can act on. */
export const fieldIssues = (error: z.ZodError, prefix = ''): FieldIssue[] =>
  error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
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
  if (error instanceof NotFoundError) return errorResponse(404, error.code, error.message);
  if (error instanceof ConflictError) return errorResponse(409, error.code, error.message);
  if (error instanceof UnauthorizedError) return errorResponse(401, error.code, error.message);
  if (error instanceof ForbiddenError) return errorResponse(403, error.code, error.message);
  if (error instanceof InvalidCursorError)
    return errorResponse(422, 'invalid_cursor', error.message, [{ path: 'cursor', message: error.message }]);
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
