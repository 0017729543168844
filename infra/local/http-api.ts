/**
 * The local HTTP API: what API Gateway (HTTP API, payload 2.0) does in front of our handlers — route
 * matching from the function catalogue, CORS, request cookies in `event.cookies` and the result's
 * `cookies` as Set-Cookie headers — so the handlers run here exactly as deployed (each authenticates
 * its caller itself).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteSpec } from '../../lib/shared/http/route.ts';
import { invokeAs } from './invocation-context.ts';
import { LocalEndpoint } from './local-endpoint.ts';

export type HttpLambda = (
  event: APIGatewayProxyEventV2,
  context: object,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface LocalRoute {
  /** The catalogue's function name: measurements are charged to it. */
  readonly name: string;
  readonly spec: RouteSpec;
  readonly handler: () => Promise<HttpLambda>;
}

export interface LocalHttpApiOptions {
  readonly routes: readonly LocalRoute[];
  readonly port?: number;
  /** HTTP API's own payload limit. */
  readonly maxPayloadBytes?: number;
  /** Answers a request no route path matches (the console's files); `false` leaves it a 404. */
  readonly fallback?: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;
}

interface CompiledRoute extends LocalRoute {
  readonly pattern: RegExp;
  readonly names: string[];
  readonly staticSegments: number;
}

const compile = (route: LocalRoute): CompiledRoute => {
  const names: string[] = [];
  const segments = route.spec.path.split('/').filter(Boolean);
  const source = segments
    .map((s) => {
      const param = /^\{(\w+)\}$/.exec(s);
      if (param?.[1]) {
        names.push(param[1]);
        return '([^/]+)';
      }
      return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return {
    ...route,
    pattern: new RegExp(`^/${source}/?$`),
    names,
    staticSegments: segments.length - names.length,
  };
};

const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
};

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization,content-type',
  'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
  'access-control-max-age': '600',
  'access-control-expose-headers': 'retry-after',
};

export interface LocalHttpApi {
  readonly url: string;
  /** Stops accepting requests and drops open connections; resolves once closed. */
  close(): Promise<void>;
}

export const startLocalHttpApi = async (options: LocalHttpApiOptions): Promise<LocalHttpApi> => {
  const routes = options.routes.map(compile).sort((a, b) => b.staticSegments - a.staticSegments);
  const maxPayload = options.maxPayloadBytes ?? 10 * 1024 * 1024;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const cors = req.headers.origin ? CORS : {};
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const candidates = routes.filter((r) => r.pattern.test(url.pathname));
    const route = candidates.find((r) => r.spec.method === method);
    if (!route) {
      if (candidates.length === 0 && (await options.fallback?.(req, res, url.pathname))) return;
      send(res, 404, JSON.stringify({ message: 'Not Found' }), cors);
      return;
    }
    const match = route.pattern.exec(url.pathname);
    const pathParameters = Object.fromEntries(
      route.names.map((n, i) => [n, decodeURIComponent(match?.[i + 1] ?? '')]),
    );
    // Payload 2.0: the Cookie header's pairs go in `cookies`, not in the headers.
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([k, v]) =>
        v === undefined || k.toLowerCase() === 'cookie'
          ? []
          : [[k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]],
      ),
    );
    const cookies = (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean);
    const body = await readBody(req, maxPayload);
    if (body === 'too-large') {
      send(res, 413, JSON.stringify({ message: 'Request Entity Too Large' }), cors);
      return;
    }
    const requestId = randomUUID();
    const routeKey = `${route.spec.method} ${route.spec.path}`;
    const http = {
      method,
      path: url.pathname,
      protocol: 'HTTP/1.1',
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      userAgent: headers['user-agent'] ?? '',
    };
    const now = Date.now();
    const base = {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http,
      requestId,
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    };
    const queryStringParameters =
      url.searchParams.size > 0 ? Object.fromEntries(url.searchParams) : undefined;

    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(cookies.length > 0 ? { cookies } : {}),
      ...(queryStringParameters ? { queryStringParameters } : {}),
      ...(route.names.length ? { pathParameters } : {}),
      requestContext: base,
      ...(body.length > 0 ? { body: body.toString('utf8') } : {}),
      isBase64Encoded: false,
    };
    const handler = await route.handler();
    const result = await invokeAs(route.name, () =>
      handler(event, { awsRequestId: requestId, functionName: route.name }),
    );
    // As API Gateway: each cookie of the result is its own Set-Cookie header.
    res.writeHead(result.statusCode ?? 200, {
      ...cors,
      ...(result.headers as Record<string, string> | undefined),
      ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}),
    });
    res.end(result.body ?? '');
  };

  const endpoint = new LocalEndpoint('the local HTTP API', handle, {
    ...(options.port === undefined ? {} : { port: options.port }),
    onError: (error) => console.error('local http api: handler failed', error),
    // A Lambda that throws is a 500 "Internal Server Error" at API Gateway.
    failure: (res) => send(res, 500, JSON.stringify({ message: 'Internal Server Error' })),
  });
  return { url: await endpoint.listen(), close: () => endpoint.close() };
};
