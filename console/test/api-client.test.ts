/**
 * The console's fetch client: same-origin calls with the workspace header, one refresh on 401 then a
 * retry, sign-in when refreshing fails, and the API's error body (with field issues) as an ApiError.
 */
import { describe, expect, it } from 'vitest';
import { createClient, fillPath, loginUrl, queryString } from '../src/api/client.ts';
import { ApiError, apiErrorFrom, SignedOutError } from '../src/api/errors.ts';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const harness = (answers: Response[], workspace: string | undefined = 'ws-1') => {
  const calls: Call[] = [];
  const assigned: string[] = [];
  const client = createClient({
    fetch: async (input, init) => {
      calls.push({ url: String(input), init });
      const next = answers.shift();
      if (!next) throw new Error(`unexpected call ${String(input)}`);
      return next;
    },
    location: { pathname: '/contacts/c 1', search: '?tab=x', assign: (url) => assigned.push(url) },
    workspaceId: () => workspace,
    locale: () => 'zh-Hant',
  });
  return { client, calls, assigned };
};

const header = (call: Call | undefined, name: string) => new Headers(call?.init?.headers).get(name);

describe('the console API client', () => {
  it('calls same-origin with the cookie, the workspace header and the query', async () => {
    const { client, calls } = harness([json(200, { contacts: [], next: 'n2' })]);

    const page = await client.get('/v1/contacts', { query: { limit: 25, cursor: 'a b' } });

    expect(page).toEqual({ contacts: [], next: 'n2' });
    expect(calls[0]?.url).toBe('/v1/contacts?limit=25&cursor=a+b');
    expect(calls[0]?.init?.credentials).toBe('same-origin');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(header(calls[0], 'x-ecrm-workspace')).toBe('ws-1');
  });

  it('fills and encodes path parameters and sends a JSON body', async () => {
    const { client, calls } = harness([json(201, { id: 'i1', status: 'recorded' })]);

    await client.post('/v1/contacts/{contactId}/interactions', {
      params: { contactId: 'a/b' },
      body: { kind: 'call', summary: 'hello', by: 'me@example.com' },
    });

    expect(calls[0]?.url).toBe('/v1/contacts/a%2Fb/interactions');
    expect(header(calls[0], 'content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      kind: 'call',
      summary: 'hello',
      by: 'me@example.com',
    });
  });

  it('does not send the workspace header to /auth routes', async () => {
    const { client, calls } = harness([json(200, { user: { id: 'u', email: 'e' }, memberships: [] })]);

    await client.get('/auth/me', { onSignedOut: 'throw' });

    expect(header(calls[0], 'x-ecrm-workspace')).toBeNull();
  });

  it('on 401 refreshes the session once and retries', async () => {
    const { client, calls, assigned } = harness([
      json(401, { error: { status: 401, code: 'unauthorized', message: 'expired' } }),
      json(204),
      json(200, { contacts: [] }),
    ]);

    const page = await client.get('/v1/contacts');

    expect(page).toEqual({ contacts: [] });
    expect(calls.map((c) => `${c.init?.method} ${c.url}`)).toEqual([
      'GET /v1/contacts',
      'POST /auth/refresh',
      'GET /v1/contacts',
    ]);
    expect(assigned).toEqual([]);
  });

  it('shares one refresh between concurrent 401s', async () => {
    const { client, calls } = harness([
      json(401, {}),
      json(401, {}),
      json(204),
      json(200, { contacts: [] }),
      json(200, { segments: [] }),
    ]);

    await Promise.all([client.get('/v1/contacts'), client.get('/v1/segments')]);

    expect(calls.filter((c) => c.url === '/auth/refresh')).toHaveLength(1);
  });

  it('when refreshing fails, goes to sign-in with the current path as returnTo', async () => {
    const { client, assigned } = harness([json(401, {}), json(401, {})]);

    await expect(client.get('/v1/contacts')).rejects.toBeInstanceOf(SignedOutError);

    expect(assigned).toEqual([
      `/auth/login?returnTo=${encodeURIComponent('/contacts/c 1?tab=x')}&lang=zh-Hant`,
    ]);
  });

  it('when the retry is refused again, also goes to sign-in', async () => {
    const { client, assigned, calls } = harness([json(401, {}), json(204), json(401, {})]);

    await expect(client.get('/v1/contacts')).rejects.toBeInstanceOf(SignedOutError);

    expect(calls).toHaveLength(3);
    expect(assigned).toHaveLength(1);
  });

  it("with onSignedOut 'throw', throws the 401 instead of leaving the page", async () => {
    const { client, assigned } = harness([json(401, {}), json(401, {})]);

    const error = await client.get('/auth/me', { onSignedOut: 'throw' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error instanceof ApiError && error.status).toBe(401);
    expect(assigned).toEqual([]);
  });

  it("carries the API's field issues so forms can show each next to its field", async () => {
    const { client } = harness([
      json(422, {
        error: {
          status: 422,
          code: 'validation_failed',
          message: 'invalid name: Too small',
          issues: [
            { path: 'name', message: 'Too small' },
            { path: 'condition.conditions[0].value', message: 'Expected string' },
          ],
        },
      }),
    ]);

    const error = await client
      .post('/v1/segments', { body: { name: '', kind: 'static' } })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    if (!(error instanceof ApiError)) return;
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('invalid name: Too small');
    expect(error.issuesFor('name')).toEqual(['Too small']);
    expect(error.issuesFor('condition')).toEqual(['Expected string']);
    expect(error.issuesFor('nam')).toEqual([]);
  });

  it('reads an error body it does not recognise as a plain HTTP error', () => {
    const error = apiErrorFrom(502, '<html>Bad gateway</html>');
    expect(error.code).toBe('http_502');
    expect(error.message).toBe('HTTP 502');
    expect(error.issues).toEqual([]);
  });

  it('builds paths, query strings and the sign-in URL', () => {
    expect(fillPath('/v1/a/{x}/b/{y}', { x: 'é', y: 2 })).toBe('/v1/a/%C3%A9/b/2');
    expect(() => fillPath('/v1/a/{x}', {})).toThrow(/missing path parameter x/);
    expect(queryString({ a: 1, b: undefined, c: true })).toBe('?a=1&c=true');
    expect(queryString(undefined)).toBe('');
    expect(loginUrl({ pathname: '/', search: '' }, 'es')).toBe('/auth/login?returnTo=%2F&lang=es');
  });
});
