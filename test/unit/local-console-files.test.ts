/**
 * The local HTTP API serving the built console (infra/local/console-files.ts) on its own origin: the
 * SPA fallback, content types, caching, the security headers, the API's paths left alone, and no way
 * out of the dist folder (the fixture dist under test/fixtures/console-dist; its parent repository's
 * package.json is the file a traversal would reach).
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleFiles } from '../../infra/local/console-files.ts';
import { type LocalHttpApi, type LocalRoute, startLocalHttpApi } from '../../infra/local/http-api.ts';
import type { RouteSpec } from '../../lib/shared/http/route.ts';

const fixture = fileURLToPath(new URL('../fixtures/console-dist', import.meta.url));
const SIGN_IN = 'http://127.0.0.1:9229';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; " +
  `font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' ${SIGN_IN}`;

const route = (method: RouteSpec['method'], path: string, answer: string): LocalRoute => ({
  name: `test-${answer}`,
  spec: {
    operationId: answer,
    method,
    path,
    scope: 'public',
    summary: answer,
    tag: 'test',
    responses: { 200: { description: 'ok' } },
  },
  handler: async () => async () => ({ statusCode: 200, body: JSON.stringify({ answer }) }),
});

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A request with the path sent exactly as written (fetch would normalise `..` and backslashes). */
const raw = (base: string, path: string, method = 'GET', headers: Record<string, string> = {}) =>
  new Promise<Raw>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

let api: LocalHttpApi;
let outside: string;
let linked: LocalHttpApi;

beforeAll(async () => {
  api = await startLocalHttpApi({
    routes: [
      route('GET', '/v1/things', 'things'),
      route('GET', '/c/{token}', 'click'),
      route('GET', '/auth/me', 'me'),
    ],
    fallback: consoleFiles({ root: fixture, signInOrigins: () => [SIGN_IN] }),
  });
  // A dist holding a symbolic link to a file outside it.
  outside = mkdtempSync(join(tmpdir(), 'ecrm-console-'));
  writeFileSync(join(outside, 'secret.txt'), 'the secret');
  const withLink = mkdtempSync(join(outside, 'linked-'));
  writeFileSync(join(withLink, 'index.html'), '<!doctype html><title>linked</title>');
  symlinkSync(join(outside, 'secret.txt'), join(withLink, 'secret.txt'));
  linked = await startLocalHttpApi({ routes: [], fallback: consoleFiles({ root: withLink }) });
});

afterAll(async () => {
  await api.close();
  await linked.close();
  rmSync(outside, { recursive: true, force: true });
});

const expectSecurityHeaders = (headers: Raw['headers']) => {
  expect(headers['content-security-policy']).toBe(CSP);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  // Plain http: HSTS would be ignored at best, and pins nothing locally.
  expect(headers['strict-transport-security']).toBeUndefined();
};

describe('the console on the local API origin', () => {
  it('serves index.html at / with the security headers, revalidated on every load', async () => {
    const res = await raw(api.url, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>ecrm console (test fixture)</title>');
    expectSecurityHeaders(res.headers);
  });

  it('answers a deep link without an extension with index.html (SPA fallback)', async () => {
    const index = await raw(api.url, '/');
    for (const path of ['/contacts/01J9ZX/timeline', '/segments', '/settings/users?page=2', '/assets']) {
      const res = await raw(api.url, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.body, path).toBe(index.body);
    }
  });

  it('serves hashed assets with their content type, cached for a year', async () => {
    const js = await raw(api.url, '/assets/index-Fx7a1b2c.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toContain("document.getElementById('root')");
    expectSecurityHeaders(js.headers);
    const css = await raw(api.url, '/assets/index-Fx7a1b2c.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(Number(css.headers['content-length'])).toBe(Buffer.byteLength(css.body));
  });

  it('answers a missing asset 404, not index.html', async () => {
    for (const path of ['/assets/index-00000000.js', '/favicon.ico', '/contacts/report.csv']) {
      const res = await raw(api.url, path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toBe('text/plain; charset=utf-8');
      expect(res.body, path).not.toContain('<html');
      expectSecurityHeaders(res.headers);
    }
  });

  it('answers HEAD like GET without a body, and 304 to a matching If-None-Match', async () => {
    const head = await raw(api.url, '/assets/index-Fx7a1b2c.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(100);
    const etag = head.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await raw(api.url, '/assets/index-Fx7a1b2c.js', 'GET', { 'if-none-match': String(etag) });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('leaves the API its paths: routes answer, unknown /v1/ and /auth/ paths are JSON 404s', async () => {
    expect(JSON.parse((await raw(api.url, '/v1/things')).body)).toEqual({ answer: 'things' });
    expect(JSON.parse((await raw(api.url, '/c/abc')).body)).toEqual({ answer: 'click' });
    expect(JSON.parse((await raw(api.url, '/auth/me')).body)).toEqual({ answer: 'me' });
    for (const [method, path] of [
      ['GET', '/v1/nothing'],
      ['GET', '/v1'],
      ['GET', '/auth/nothing'],
      ['HEAD', '/c/abc'],
      ['POST', '/contacts'],
      ['DELETE', '/'],
    ] as const) {
      const res = await raw(api.url, path, method);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${path}`).toBe('application/json');
      expect(res.headers['content-security-policy'], `${method} ${path}`).toBeUndefined();
    }
  });

  it('never reads outside the dist folder: ../, %2e%2e, encoded slashes, backslashes, NUL', async () => {
    const attempts = [
      '/../../../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/.%2e/.%2e/.%2e/package.json',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%2f..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage',
      '/..\\..\\..\\package.json',
      '/assets/..%5c..%5c..%5c..%5cpackage.json',
      '/%5c..%5c..%5c..%5cpackage.json',
      '/assets/index-Fx7a1b2c.js%00.html',
      '/.gitignore',
      '/%E0%A4%A',
    ];
    for (const path of attempts) {
      const res = await raw(api.url, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('"name": "ecrm"');
      expect(res.body, path).not.toContain('<html');
    }
  });

  it('does not follow a symbolic link out of the dist folder', async () => {
    const res = await raw(linked.url, '/secret.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('the secret');
    expect((await raw(linked.url, '/')).body).toContain('<title>linked</title>');
  });

  it('says how to build the console when there is no index.html', async () => {
    const empty = await startLocalHttpApi({
      routes: [],
      fallback: consoleFiles({ root: join(outside, 'nothing-here') }),
    });
    try {
      const res = await raw(empty.url, '/contacts');
      expect(res.status).toBe(404);
      expect(res.body).toContain('npm run build:console');
    } finally {
      await empty.close();
    }
  });
});
