/**
 * Where sign-in returns to: a path on this origin only, so `/auth/login?returnTo=` cannot be used as
 * an open redirect. Anything else (`//evil.example`, `https://…`, backslashes that browsers read as
 * slashes, control characters, `/\evil`) gives the console's home.
 */
const MAX_LENGTH = 2048;
const BASE = 'https://console.invalid';

export const DEFAULT_RETURN_TO = '/';

export const isSafeReturnTo = (value: string): boolean => {
  if (value.length === 0 || value.length > MAX_LENGTH) return false;
  if (!value.startsWith('/') || value.startsWith('//')) return false;
  // Backslashes and control characters (tabs, newlines) are normalised away or into `/` by browsers.
  if (value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return false;
  try {
    const url = new URL(value, BASE);
    return url.origin === BASE && `${url.pathname}${url.search}${url.hash}` === value;
  } catch {
    return false;
  }
};

/** The return path to use: `value` when it is a same-origin path, else the console's home. */
export const safeReturnTo = (value: string | undefined): string =>
  value !== undefined && isSafeReturnTo(value) ? value : DEFAULT_RETURN_TO;
