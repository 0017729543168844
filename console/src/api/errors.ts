/**
 * The API's error body (functions/shared/http-errors.ts: `{ error: { status, code, message,
 * issues? } }`) as an Error the console can show: the message for the whole form, and each field
 * issue next to its field (`issues` paths are `a.b[2].c`).
 */

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }

  /** The messages about one field (its path, or anything under it). */
  issuesFor(path: string): string[] {
    return this.issues
      .filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))
      .map((i) => i.message);
  }
}

/** Thrown after the browser was sent to sign in again: callers have nothing to show. */
export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const issuesOf = (value: unknown): FieldIssue[] =>
  Array.isArray(value)
    ? value.flatMap((i) =>
        isRecord(i) && typeof i.path === 'string' && typeof i.message === 'string'
          ? [{ path: i.path, message: i.message }]
          : [],
      )
    : [];

/** Reads an error body defensively: whatever a proxy answered, the result is an ApiError. */
export const apiErrorFrom = (status: number, body: unknown): ApiError => {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError(status, code, message, issuesOf(error?.issues));
};
