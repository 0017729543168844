/**
 * Domain errors. Each carries a stable `code`; the HTTP error middleware is the one place that maps
 * them to a status and a body. Async handlers rethrow what a retry can fix and drop what it cannot.
 */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** A request that cannot be served as sent, outside its validated fields (e.g. a required header). */
export class BadRequestError extends DomainError {
  readonly code = 'bad_request';
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

/** Too many requests for a key or workspace: try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A dependency failed in a way a retry may fix (throttling, timeouts). */
export class TransientError extends DomainError {
  readonly code = 'transient';
}

export type EcrmError =
  | ValidationError
  | PayloadTooLargeError
  | BadRequestError
  | NotFoundError
  | ConflictError
  | UnauthorizedError
  | ForbiddenError
  | RateLimitedError
  | TransientError;
