/** JSON bodies in the HTTP shell: a JSON route reads JSON only, as a form route reads forms only. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { httpHandler, ok } from '../../functions/shared/http-handler.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

const route = defineRoute({
  operationId: 'jsonTest',
  method: 'POST',
  path: '/t',
  scope: 'public',
  tag: 'test',
  summary: 'a JSON body',
  body: z.strictObject({ name: z.string() }),
  responses: { 200: { description: 'the body read', schema: z.object({ name: z.string() }) } },
});

const handler = httpHandler(route, async ({ body }) => ok(body));

const post = async (
  body: string,
  contentType: string | undefined,
): Promise<APIGatewayProxyStructuredResultV2> =>
  handler(
    {
      version: '2.0',
      routeKey: 'POST /t',
      rawPath: '/t',
      rawQueryString: '',
      headers: contentType ? { 'Content-Type': contentType } : {},
      isBase64Encoded: false,
      body,
      requestContext: {
        accountId: '1',
        apiId: 'a',
        domainName: 'd',
        domainPrefix: 'd',
        http: { method: 'POST', path: '/t', protocol: 'HTTP/1.1', sourceIp: '1.1.1.1', userAgent: 'x' },
        requestId: 'r',
        routeKey: 'POST /t',
        stage: '$default',
        time: 'now',
        timeEpoch: 0,
      },
    } satisfies APIGatewayProxyEventV2,
    {} as never,
  );

describe('JSON bodies', () => {
  it('reads application/json (any parameters, any case), a +json type, text/plain (a browser string) and a body without a type', async () => {
    for (const type of [
      'application/json',
      'text/plain;charset=UTF-8',
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/merge-patch+json',
      undefined,
    ]) {
      const result = await post('{"name":"a"}', type);
      expect(result.statusCode, String(type)).toBe(200);
      expect(JSON.parse(String(result.body))).toEqual({ name: 'a' });
    }
  });

  it('refuses JSON sent as another type with 422 naming the body and the type', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/jsonp',
      'text/csv',
      'text/plainish',
    ]) {
      const result = await post('{"name":"a"}', type);
      expect(result.statusCode, type).toBe(422);
      expect(JSON.parse(String(result.body))).toEqual({
        error: {
          status: 422,
          code: 'validation_failed',
          message: `this route takes JSON (application/json), not ${type}`,
          issues: [{ path: '(body)', message: `content-type ${type} is not JSON` }],
        },
      });
    }
  });

  it('refuses text that is not Unicode and the key __proto__, each at its path, before the schema', async () => {
    const loneSurrogate = await post('{"name":"a\\ud800b"}', 'application/json');
    expect(loneSurrogate.statusCode).toBe(422);
    expect(JSON.parse(String(loneSurrogate.body))).toMatchObject({
      error: {
        code: 'validation_failed',
        issues: [{ path: 'name', message: 'holds a lone UTF-16 surrogate: not Unicode text' }],
      },
    });
    const proto = await post(
      '{"name":"a","x":[{"__proto__":{"admin":true}}],"__proto__":1}',
      'application/json',
    );
    expect(proto.statusCode).toBe(422);
    expect(JSON.parse(String(proto.body)).error.issues).toEqual([
      { path: '__proto__', message: '__proto__ is not accepted as a key' },
      { path: 'x[0].__proto__', message: '__proto__ is not accepted as a key' },
    ]);
    const pair = await post('{"name":"\\ud83d\\ude00 ok"}', 'application/json');
    expect(pair.statusCode).toBe(200);
    expect(JSON.parse(String(pair.body))).toEqual({ name: '😀 ok' });
  });

  it('walks a body nested 10,000 deep without exhausting the stack (the schema then refuses it)', async () => {
    for (const body of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    ]) {
      const result = await post(body, 'application/json');
      expect(result.statusCode).toBe(422);
    }
  });
});
