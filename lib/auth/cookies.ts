/**
 * The cookies of the sign-in flow: reading the request's (API Gateway payload 2.0 gives them as a list
 * of `name=value`) and writing `Set-Cookie` values. Every one is HttpOnly. The session and refresh
 * cookies are SameSite=Strict: the console and the API share an origin, so the browser sends them only
 * to us, never cross-site. The short-lived `ecrm_oauth` cookie (state and PKCE verifier) is Lax: the
 * callback is a top-level navigation coming back from the sign-in domain, a cross-site request that a
 * Strict cookie would not be sent with; the state it holds is what defeats a forged callback.
 */
export const SESSION_COOKIE = 'ecrm_session';
export const REFRESH_COOKIE = 'ecrm_refresh';
export const OAUTH_COOKIE = 'ecrm_oauth';

/** Cookies by name; the first of a repeated name wins (the most specific path, as browsers order them). */
export const parseCookies = (list: readonly string[] | undefined): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const entry of list ?? []) {
    for (const part of entry.split(';')) {
      const at = part.indexOf('=');
      if (at <= 0) continue;
      const name = part.slice(0, at).trim();
      if (name in out) continue;
      const raw = part.slice(at + 1).trim();
      try {
        out[name] = decodeURIComponent(raw);
      } catch {
        out[name] = raw;
      }
    }
  }
  return out;
};

export interface CookieOptions {
  readonly path: string;
  /** Seconds; 0 deletes the cookie. Absent: a session cookie. */
  readonly maxAge?: number;
  readonly secure: boolean;
  /** Strict unless said otherwise. */
  readonly sameSite?: 'Strict' | 'Lax';
}

/** One `Set-Cookie` value: HttpOnly, SameSite (Strict by default), the path, lifetime and Secure flag. */
export const setCookie = (name: string, value: string, options: CookieOptions): string =>
  [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    ...(options.maxAge === undefined ? [] : [`Max-Age=${options.maxAge}`]),
    'HttpOnly',
    `SameSite=${options.sameSite ?? 'Strict'}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');

/** A `Set-Cookie` value that deletes the cookie (same name and path, expired). */
export const clearCookie = (name: string, options: Omit<CookieOptions, 'maxAge'>): string =>
  setCookie(name, '', { ...options, maxAge: 0 });
