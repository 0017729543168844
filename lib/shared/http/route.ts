/**
 * A route's contract: method, path, scope and zod schemas. Declared in a `*.route.ts` file that
 * imports no AWS client, so that the function catalogue, the CDK app, the local server and the
 * OpenAPI generator can all read it without side effects.
 */
import type * as z from 'zod';

export type Scope = 'admin' | 'write' | 'read' | 'ingest';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** API Gateway style path: `/v1/contacts/{contactId}`. */
  readonly path: string;
  /** The scope a key needs; `admin` keys pass every check. `public` routes need no key. */
  readonly scope: Scope | 'public';
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /**
   * How the body is encoded: JSON (the API), or an HTML form (`application/x-www-form-urlencoded` or
   * `multipart/form-data`, text fields only; a repeated field becomes a list) for the public pages and
   * RFC 8058 one-click unsubscribes. The body schema validates the fields either way.
   */
  readonly bodyEncoding?: 'json' | 'form';
  /** Largest accepted body in bytes; bigger bodies are refused with 413 before parsing. */
  readonly maxBodyBytes?: number;
  /** The handler gets the body's exact bytes (`rawBody`), e.g. to verify a webhook signature. */
  readonly rawBody?: boolean;
  /** Browser-callable (CORS) route, e.g. tracking with an ingest key. */
  readonly cors?: boolean;
  readonly responses: Readonly<Record<number, RouteResponse<R>>>;
}

/**
 * One documented answer. JSON answers declare their schema; a page for people (`text/html`, the
 * unsubscribe and confirmation pages) declares its content type instead.
 */
export interface RouteResponse<R extends z.ZodType = z.ZodType> {
  readonly description: string;
  readonly schema?: R | z.ZodType;
  readonly contentType?: 'application/json' | 'text/html';
  /** Response headers worth documenting (a redirect's `location`, `set-cookie`): name → what it holds. */
  readonly headers?: Readonly<Record<string, string>>;
}

export const defineRoute = <
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> => spec;

/** Which scopes satisfy a required scope. `admin` satisfies all; `write` also allows ingest. */
export const scopeSatisfies = (held: readonly Scope[], required: Scope | 'public'): boolean => {
  if (required === 'public') return true;
  if (held.includes('admin')) return true;
  if (held.includes(required)) return true;
  if (required === 'ingest' && held.includes('write')) return true;
  if (required === 'read' && held.includes('write')) return true;
  return false;
};
