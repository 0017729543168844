/**
 * The console on the local stack, in Chromium: `npm start`'s one origin. The index comes with the
 * security headers the CDK sends (no HSTS on http), a deep link gets the same index (SPA fallback) and
 * its hashed assets cached for a year, and the page loads without a browser-side problem and without a
 * serious or critical axe violation. Runs against the real console build, or the fixture before the
 * console existed (test/support/console.global-setup.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCsp } from '../../infra/console-headers.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { useChromium } from '../support/browser.ts';
import { startConsoleStack } from './stack.ts';

const chromium = useChromium();
let stack: LocalStack;

beforeAll(async () => {
  stack = await startConsoleStack();
});

afterAll(async () => {
  await stack?.stop();
});

/** The sign-in origin the CSP lets forms post to, when the stack has one. */
const signInOrigins = () => (process.env.AUTH_OAUTH_URL ? [new URL(process.env.AUTH_OAUTH_URL).origin] : []);

describe('the console on the local stack', () => {
  it('is served on the API origin at a deep link: index.html, security headers, assets, no problem, axe clean', async () => {
    expect(stack.consoleUrl).toBe(stack.apiUrl);
    const index = await fetch(`${stack.consoleUrl}/`).then((r) => r.text());

    const app = await chromium.open(`${stack.consoleUrl}/contacts/01J9ZX5M3NQ8R7ZK4T6W2Y0ABC`);
    const document = app.response;
    expect(document?.status()).toBe(200);
    expect(await document?.text()).toBe(index);
    const headers = (await document?.allHeaders()) ?? {};
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers['content-security-policy']).toBe(consoleCsp(signInOrigins()));
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['strict-transport-security']).toBeUndefined();

    await app.page.waitForLoadState('networkidle');
    const assets = app.responses.filter((r) => new URL(r.url()).pathname.startsWith('/assets/'));
    expect(assets.some((r) => r.request().resourceType() === 'script')).toBe(true);
    for (const asset of assets) {
      expect(asset.status(), asset.url()).toBe(200);
      expect(await asset.headerValue('cache-control'), asset.url()).toBe(
        'public, max-age=31536000, immutable',
      );
      expect(await asset.headerValue('content-security-policy'), asset.url()).toBe(
        consoleCsp(signInOrigins()),
      );
    }

    await app.expectAccessible();
    await app.screenshot('console-deep-link');
  });

  it('serves the production build, whoever built it (vitest runs with NODE_ENV=test)', async () => {
    const index = await fetch(`${stack.consoleUrl}/`).then((r) => r.text());
    const scripts = [...index.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const code = await fetch(`${stack.consoleUrl}${src}`).then((r) => r.text());
      // A warning only React's development build carries.
      expect(code, src).not.toContain('should have a unique "key" prop');
    }
  });
});
