/**
 * End-to-end harness: the whole local stack (same handlers, bus patterns and outbox as deployed) on
 * the DynamoDB Local of the global setup, a table of its own, and a small HTTP client.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import '../support/env.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import { sign } from '../../lib/webhooks/verify/index.ts';
import type { Scope } from '../../lib/workspaces/api-keys.ts';
import { createWorkspace, issueApiKey } from '../../lib/workspaces/api-keys.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { responseProblems, routeFor } from '../support/response-check.ts';

export const startStack = (): Promise<LocalStack> =>
  startLocalStack({
    dynamodb: { endpoint: inject('dynamodbEndpoint') },
    tableName: `e2e-${randomToken(6)}`,
    sesEndpoint: inject('sesEndpoint'),
    seedDemo: false,
    quiet: true,
  });

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

export const client = (stack: LocalStack, token?: string) => {
  const call = async (method: string, path: string, body?: unknown, raw?: string): Promise<Reply> => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    // Every success answer must be exactly its route's documented representation: a leak fails here.
    const route = routeFor(method, path);
    const problems = route ? responseProblems(route, res.status, parsed) : [];
    if (problems.length > 0)
      throw new Error(`${method} ${path} answered ${res.status} outside its schema: ${problems.join('; ')}`);
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    del: (path: string) => call('DELETE', path),
  };
};

export type Client = ReturnType<typeof client>;

/** A fresh workspace with one key per scope. */
export const workspaceWithKeys = async (stack: LocalStack) => {
  const deps = { workspaces: workspacesRepository(stack.table), clock: systemClock };
  const id = `ws_e2e${randomToken(6)}`;
  await createWorkspace({ id, name: id }, deps);
  const key = async (scopes: Scope[]) =>
    (await issueApiKey({ workspaceId: id, name: scopes.join('+'), scopes }, deps)).token;
  return {
    id,
    admin: await key(['admin']),
    write: await key(['write']),
    read: await key(['read']),
    ingest: await key(['ingest']),
  };
};

/** Read a field path from an unknown JSON body (tests only; a wrong path fails the assertion). */
export const field = (body: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? Reflect.get(v, k) : undefined), body);

/** The headers Shopify sends with a delivery, signed with the connection's secret. */
export const shopifyHeaders = (
  secret: string,
  body: Buffer | string,
  topic: string,
  eventId: string,
  shopDomain = 'demo.myshopify.com',
): Record<string, string> => ({
  'content-type': 'application/json',
  'x-shopify-topic': topic,
  'x-shopify-hmac-sha256': sign.shopify(secret, body),
  'x-shopify-event-id': eventId,
  'x-shopify-webhook-id': `wh-${eventId}`,
  'x-shopify-shop-domain': shopDomain,
});

/** POST a signed Shopify delivery to a connection's webhook URL, as Shopify would. */
export const deliverShopify = async (
  stack: LocalStack,
  to: { readonly workspaceId: string; readonly connectionId: string; readonly secret: string },
  topic: string,
  body: string,
  eventId: string,
  shopDomain?: string,
): Promise<Reply> => {
  const res = await fetch(`${stack.apiUrl}/v1/webhooks/${to.workspaceId}/${to.connectionId}`, {
    method: 'POST',
    headers: shopifyHeaders(to.secret, body, topic, eventId, shopDomain),
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
};

const run = promisify(execFile);

/** The `ecrm` CLI against the stack's API with this key, as an operator runs it; its JSON output parsed. */
export const ecrmCli = async (stack: LocalStack, apiKey: string, ...args: string[]): Promise<unknown> => {
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    'cli/ecrm.ts',
    ...args,
    '--api',
    stack.apiUrl,
    '--api-key',
    apiKey,
  ]);
  return JSON.parse(stdout);
};

/** Polls `what` every 250 ms until it holds; throws after `ms`. */
export const until = async (what: () => Promise<boolean>, ms = 90_000): Promise<void> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out');
};
