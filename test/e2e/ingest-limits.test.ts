/**
 * What protects an ingest key published in web pages: allowed origins, and the rate limits per key
 * and per workspace (429 with Retry-After and the product's error body).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { setRateLimits } from '../../lib/workspaces/api-keys.ts';
import { WINDOW_SECONDS } from '../../lib/workspaces/rate-limit.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;

const track = (token: string, origin?: string) =>
  fetch(`${stack.apiUrl}/v1/track`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(origin ? { origin } : {}),
    },
    body: JSON.stringify({ name: 'page_viewed', anonymousId: 'v-1' }),
  }).then(async (r) => ({ status: r.status, headers: r.headers, body: (await r.json()) as unknown }));

beforeAll(async () => {
  stack = await startStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('ingest keys in web pages', () => {
  it('limits a key to its allowed origins, refusing others (and none) in the product error format', async () => {
    const ws = await workspaceWithKeys(stack);
    const issued = await client(stack, ws.admin).post('/v1/keys', {
      name: 'site',
      scopes: ['ingest'],
      allowedOrigins: ['https://shop.example'],
    });
    expect(issued.status).toBe(201);
    expect(field(issued.body, 'key', 'allowedOrigins')).toEqual(['https://shop.example']);
    const token = String(field(issued.body, 'token'));

    const allowed = await track(token, 'https://shop.example');
    expect(allowed.status).toBe(202);
    expect(allowed.headers.get('access-control-allow-origin')).toBeTruthy();
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', undefined]) {
      const refused = await track(token, origin);
      expect(refused.status, String(origin)).toBe(403);
      expect(field(refused.body, 'error', 'code')).toBe('forbidden');
    }
    // A key without origins is usable from anywhere.
    expect((await track(ws.ingest, 'https://elsewhere.example')).status).toBe(202);
  });

  it('refuses a bad origin when issuing a key, naming the field', async () => {
    const ws = await workspaceWithKeys(stack);
    const res = await client(stack, ws.admin).post('/v1/keys', {
      name: 'site',
      scopes: ['ingest'],
      allowedOrigins: ['https://shop.example/path'],
    });
    expect(res.status).toBe(422);
    expect(field(res.body, 'error', 'issues', 0, 'path')).toBe('allowedOrigins[0]');
  });

  it('answers 429 with Retry-After once a key is over its limit', async () => {
    const ws = await workspaceWithKeys(stack);
    await setRateLimits(
      ws.id,
      { perKey: 1 },
      { workspaces: workspacesRepository(stack.table), clock: systemClock },
    );
    let limited: Awaited<ReturnType<typeof track>> | undefined;
    // The allowance is one window's worth; wherever the window starts, two windows' worth must hit it.
    for (let i = 0; i < 2 * WINDOW_SECONDS + 2 && !limited; i++) {
      const res = await track(ws.ingest, 'https://shop.example');
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(202);
    }
    expect(limited).toBeDefined();
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(limited?.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(field(limited?.body, 'error')).toMatchObject({ status: 429, code: 'rate_limited' });
    // Other workspaces are not affected.
    const other = await workspaceWithKeys(stack);
    expect((await track(other.ingest)).status).toBe(202);
  });
});
