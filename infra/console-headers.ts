/**
 * The security headers the console is served with, in one place for both servers: the CloudFront
 * response headers policy (deployed) and the local HTTP API (`npm start`, infra/local/console-files.ts).
 * The console is same-origin with the API, loads nothing from elsewhere and is never framed, so the CSP
 * allows only `'self'` for scripts, fetches and frames, with three deliberate exceptions:
 * - `form-action` also allows the sign-in origin (the Cognito domain deployed, the local Cognito
 *   locally) because sign-in and sign-out leave the origin;
 * - `style-src 'unsafe-inline'` and `img-src https:`: an email's preview is shown in a sandboxed
 *   `srcdoc` frame (no script, no same-origin access), and such a frame inherits this policy; emails are
 *   styled inline and show images from anywhere. Scripts stay `'self'` only, the protection that counts.
 * HSTS is for HTTPS only: CloudFront adds it; the local server (plain http) must not.
 * The console-hosting construct's response headers policy should build its CSP with `consoleCsp` too, so
 * the two cannot drift (the directives here are the same, in the same order).
 */

/** The Content-Security-Policy directives, in the order they are written. */
export const consoleCspDirectives = (signInOrigins: readonly string[]): readonly string[] => [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  ["form-action 'self'", ...signInOrigins].join(' '),
];

/** The Content-Security-Policy header value. */
export const consoleCsp = (signInOrigins: readonly string[]): string =>
  consoleCspDirectives(signInOrigins).join('; ');

/** The headers every console response carries (lower-case names), without HSTS. */
export const consoleSecurityHeaders = (
  signInOrigins: readonly string[],
): Readonly<Record<string, string>> => ({
  'content-security-policy': consoleCsp(signInOrigins),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
});
