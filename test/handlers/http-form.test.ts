/** Form bodies and HTML pages in the HTTP shell (public pages, RFC 8058 one-click). */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { httpHandler, page } from '../../functions/shared/http-handler.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

const route = defineRoute({
  operationId: 'formTest',
  method: 'POST',
  path: '/t/{token}',
  scope: 'public',
  tag: 'test',
  summary: 'a form',
  params: z.strictObject({ token: z.string() }),
  body: z.object({ action: z.string(), topic: z.union([z.string(), z.array(z.string())]).optional() }),
  bodyEncoding: 'form',
  maxBodyBytes: 4096,
  responses: { 200: { description: 'a page', contentType: 'text/html' } },
});

const handler = httpHandler(route, async ({ body }) =>
  page(200, `<!doctype html><p>${JSON.stringify(body)}</p>`),
);

const post = async (body: string | Buffer, contentType: string | undefined, base64 = false) => {
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: 'POST /t/{token}',
    rawPath: '/t/x',
    rawQueryString: '',
    headers: contentType ? { 'Content-Type': contentType } : {},
    pathParameters: { token: 'x' },
    isBase64Encoded: base64,
    body: base64 ? Buffer.from(body).toString('base64') : body.toString(),
    requestContext: {
      accountId: '1',
      apiId: 'a',
      domainName: 'd',
      domainPrefix: 'd',
      http: { method: 'POST', path: '/t/x', protocol: 'HTTP/1.1', sourceIp: '1.1.1.1', userAgent: 'x' },
      requestId: 'r',
      routeKey: 'POST /t/{token}',
      stage: '$default',
      time: 'now',
      timeEpoch: 0,
    },
  };
  const result: APIGatewayProxyStructuredResultV2 = await handler(event, {} as never);
  return result;
};

const fieldsOf = (result: APIGatewayProxyStructuredResultV2): unknown =>
  JSON.parse(/<p>(.*)<\/p>/.exec(String(result.body))?.[1] ?? 'null');

const multipart = (fields: [string, string][], boundary = 'XyZ123') =>
  `${fields.map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join('')}--${boundary}--\r\n`;

describe('form bodies', () => {
  it('reads urlencoded fields, a repeated field as a list', async () => {
    const result = await post('action=save&topic=a&topic=b', 'application/x-www-form-urlencoded');
    expect(result.statusCode).toBe(200);
    expect(fieldsOf(result)).toEqual({ action: 'save', topic: ['a', 'b'] });
  });

  it('reads multipart/form-data, and a base64-encoded body as API Gateway may send it', async () => {
    const body = multipart([['action', 'unsubscribe']]);
    const type = 'multipart/form-data; boundary=XyZ123';
    expect(fieldsOf(await post(body, type))).toEqual({ action: 'unsubscribe' });
    expect(fieldsOf(await post(body, type, true))).toEqual({ action: 'unsubscribe' });
  });

  it('takes a body without a content type as urlencoded (some one-click senders omit it)', async () => {
    expect(fieldsOf(await post('action=x', undefined))).toEqual({ action: 'x' });
  });

  it('refuses JSON, malformed multipart and files with 422 in the product error body', async () => {
    for (const [body, type] of [
      ['{"action":"x"}', 'application/json'],
      ['--nope', 'multipart/form-data; boundary=XyZ123'],
      [
        '--B\r\nContent-Disposition: form-data; name="action"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--B--\r\n',
        'multipart/form-data; boundary=B',
      ],
    ] as const) {
      const result = await post(body, type);
      expect(result.statusCode, type).toBe(422);
      expect(JSON.parse(String(result.body))).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });

  it('answers pages as HTML that is not cached, framed, scripted or referred', async () => {
    const result = await post('action=save', 'application/x-www-form-urlencoded');
    expect(result.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    expect(String(result.headers?.['content-security-policy'])).toContain("default-src 'none'");
    expect(String(result.headers?.['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
