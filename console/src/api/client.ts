/**
 * The console's fetch client: same-origin with the session cookie, the chosen workspace in
 * `x-ecrm-workspace` (also the CSRF guard), JSON in and out. On 401 it asks POST /auth/refresh for
 * a new session once (shared by concurrent calls) and retries; when that fails too it sends the
 * browser to /auth/login?returnTo=<current path>&lang=<the UI language>. Errors carry the API's field issues.
 */

import type { Locale } from '../i18n/locales.ts';
import { ApiError, apiErrorFrom, SignedOutError } from './errors.ts';
import type { BodyOf, Method, PathParamsOf, Paths, PathsFor, QueryOf, ResponseOf } from './types.ts';

export interface ClientDeps {
  readonly fetch: typeof fetch;
  /** The page's location: read for returnTo, assigned to sign in again. */
  readonly location: { readonly pathname: string; readonly search: string; assign(url: string): void };
  /** The workspace the user chose, sent with every /v1 call. */
  readonly workspaceId: () => string | undefined;
  /** The UI language, so the sign-in page speaks it too. */
  readonly locale: () => Locale;
}

export interface RequestOptions<P extends keyof Paths, M extends Method> {
  readonly params?: PathParamsOf<P, M>;
  readonly query?: QueryOf<P, M>;
  readonly body?: BodyOf<P, M>;
  /** A body that is not JSON (a CSV upload), sent as is with its content type. */
  readonly raw?: { readonly contentType: string; readonly text: string };
  /** What a 401 that refreshing cannot mend does: go to sign-in (default) or throw it. */
  readonly onSignedOut?: 'redirect' | 'throw';
  readonly signal?: AbortSignal;
}

type Scalar = string | number | boolean;

/** `/v1/contacts/{contactId}` with `{ contactId }`, each value URI-encoded. */
export const fillPath = (path: string, params: unknown): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = typeof params === 'object' && params !== null ? Reflect.get(params, name) : undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });

export const queryString = (query: unknown): string => {
  if (typeof query !== 'object' || query === null) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values)
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        search.append(key, String(v satisfies Scalar));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Sign-in, coming back to the current page, with the sign-in page in the console's language. */
export const loginUrl = (
  location: { readonly pathname: string; readonly search: string },
  locale: Locale,
): string =>
  `/auth/login?returnTo=${encodeURIComponent(`${location.pathname}${location.search}`)}&lang=${encodeURIComponent(locale)}`;

export const createClient = (deps: ClientDeps) => {
  let refreshing: Promise<boolean> | undefined;

  const refresh = (): Promise<boolean> => {
    refreshing ??= deps
      .fetch('/auth/refresh', { method: 'POST', credentials: 'same-origin' })
      .then((r) => r.ok)
      .catch(() => false)
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  interface Outgoing {
    readonly body?: unknown;
    readonly raw?: { readonly contentType: string; readonly text: string } | undefined;
    readonly signal?: AbortSignal | undefined;
  }

  const send = (method: Method, url: string, options: Outgoing) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const workspaceId = deps.workspaceId();
    if (workspaceId && url.startsWith('/v1/')) headers['x-ecrm-workspace'] = workspaceId;
    const { body, raw, signal } = options;
    if (raw) headers['content-type'] = raw.contentType;
    else if (body !== undefined) headers['content-type'] = 'application/json';
    const payload = raw ? raw.text : body === undefined ? undefined : JSON.stringify(body);
    return deps.fetch(url, {
      method: method.toUpperCase(),
      credentials: 'same-origin',
      headers,
      ...(payload === undefined ? {} : { body: payload }),
      ...(signal ? { signal } : {}),
    });
  };

  const readJson = async (response: Response): Promise<unknown> => {
    const text = await response.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };

  async function request<M extends Method, P extends PathsFor<M>>(
    method: M,
    path: P,
    options: RequestOptions<P, M> = {},
  ): Promise<ResponseOf<P, M>> {
    const url = `${fillPath(path, options.params)}${queryString(options.query)}`;
    let response = await send(method, url, options);
    if (response.status === 401 && (await refresh())) response = await send(method, url, options);
    if (response.status === 401) {
      const error = apiErrorFrom(401, await readJson(response));
      if (options.onSignedOut === 'throw') throw error;
      deps.location.assign(loginUrl(deps.location, deps.locale()));
      throw new SignedOutError(error.message);
    }
    const body = await readJson(response);
    if (!response.ok) throw apiErrorFrom(response.status, body);
    // The API's responses are documented by the OpenAPI document the types come from.
    return body as ResponseOf<P, M>;
  }

  return {
    request,
    get: <P extends PathsFor<'get'>>(path: P, options?: RequestOptions<P, 'get'>) =>
      request('get', path, options),
    post: <P extends PathsFor<'post'>>(path: P, options?: RequestOptions<P, 'post'>) =>
      request('post', path, options),
    put: <P extends PathsFor<'put'>>(path: P, options?: RequestOptions<P, 'put'>) =>
      request('put', path, options),
    patch: <P extends PathsFor<'patch'>>(path: P, options?: RequestOptions<P, 'patch'>) =>
      request('patch', path, options),
    delete: <P extends PathsFor<'delete'>>(path: P, options?: RequestOptions<P, 'delete'>) =>
      request('delete', path, options),
  };
};

export type Client = ReturnType<typeof createClient>;
export { ApiError, SignedOutError };
