/**
 * One signed call to an AWS JSON API, retried the way AWS's SDKs retry by default (the "standard"
 * mode): throttling, 5xx and connection errors up to 3 attempts, with full-jitter exponential backoff.
 * A call whose outcome is unknown (a timeout after the request went out) is retried too unless the
 * caller says the call must not be repeated (`maxAttempts: 1`, as the SES send does).
 *
 * Errors are thrown as `AwsServiceError`, named after AWS's error code (`ConditionalCheckFailedException`,
 * `ThrottlingException`...) and carrying the error body's other fields (`Item`, `CancellationReasons`),
 * as the SDK's errors do, so code that reads `error.name` works with either.
 */
import type { IncomingMessage } from 'node:http';
import { type AwsCredentials, signRequest } from './sigv4.ts';

export interface AwsEndpoint {
  readonly service: string;
  readonly region: string;
  /** e.g. `https://dynamodb.eu-west-1.amazonaws.com`, or a local server. */
  readonly url: string;
  /** Asked before each call: Lambda's come from its environment, the CLI's from the SDK's chain. */
  readonly credentials: () => AwsCredentials | Promise<AwsCredentials>;
}

export interface AwsRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface AwsResponse {
  readonly status: number;
  readonly body: string;
  /** `x-amzn-errortype`: where REST JSON APIs (SES v2) name the error. */
  readonly errorType?: string | undefined;
}

/** How a request goes over the wire: node's http(s) by default; tests inject failures here. */
export type Transport = (
  url: URL,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
    /** A call that must not be repeated: never on a kept-alive connection that may have gone stale. */
    once?: boolean;
  },
) => Promise<AwsResponse>;

export interface CallOptions {
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  readonly baseDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => Date;
}

/** The request never left: it may be sent again whatever the call's attempts. */
export class StaleSocketError extends Error {
  readonly code = 'ECONNRESET';
  constructor(cause: Error) {
    super(`stale keep-alive connection: ${cause.message}`, { cause });
    this.name = 'StaleSocketError';
  }
}

export class AwsServiceError extends Error {
  readonly status: number;
  /** The error body's other fields (`Item`, `CancellationReasons`...). */
  [field: string]: unknown;
  constructor(name: string, message: string, status: number, fields: Record<string, unknown>) {
    super(message);
    Object.assign(this, fields);
    this.name = name;
    this.status = status;
  }
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
]);

/** Whether the SDK's standard retry mode would retry this error. */
export const isRetryable = (error: unknown): boolean => {
  if (error instanceof AwsServiceError) return THROTTLING.has(error.name) || error.status >= 500;
  // Connection errors: the request may not have reached AWS, or its answer was lost.
  return error instanceof Error && 'code' in error && typeof error.code === 'string';
};

const errorOf = (status: number, body: string, header: string | undefined): AwsServiceError => {
  let fields: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) fields = { ...parsed };
  } catch {
    // A non-JSON body (a proxy, a 5xx page): the status tells.
  }
  const type = String(fields.__type ?? fields.code ?? header ?? `HTTP${status}`);
  // `com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException` or `...Exception:http://...`
  const name = type.split('#').at(-1)?.split(':')[0] ?? type;
  const message = String(fields.message ?? fields.Message ?? `${name} (HTTP ${status})`);
  delete fields.__type;
  delete fields.message;
  delete fields.Message;
  return new AwsServiceError(name, message, status, fields);
};

let agents: { http: unknown; https: unknown } | undefined;

/**
 * Calls that must not be repeated (`once`) have connections of their own, reused only while they are
 * busy: the first such call after ONCE_IDLE_MS without any opens fresh connections. A kept-alive
 * connection the server closed (idle, or while the Lambda container was frozen) fails the next
 * request with ECONNRESET before it reaches AWS, and such a request is safe to resend; but so does a
 * connection reset after AWS took the request, which is not. Never reusing an idle connection for
 * them, a reset on theirs is always an unknown outcome, never resent.
 */
const ONCE_IDLE_MS = 1_000;
const once = {
  agents: { http: undefined as unknown, https: undefined as unknown },
  busy: 0,
  lastEnd: 0,
};

/** node's http(s), keep-alive, loaded on first use (not at import: it is the import budget's). */
export const nodeTransport: Transport = async (url, init) => {
  const https = url.protocol === 'https:';
  const lib = https ? await import('node:https') : await import('node:http');
  agents ??= { http: undefined, https: undefined };
  const key = https ? 'https' : 'http';
  agents[key] ??= new lib.Agent({ keepAlive: true, maxSockets: 50 });
  let agent = agents[key];
  if (init.once) {
    const old = once.agents[key];
    if (!old || (once.busy === 0 && Date.now() - once.lastEnd > ONCE_IDLE_MS)) {
      if (old instanceof lib.Agent) old.destroy();
      once.agents[key] = new lib.Agent({ keepAlive: true, maxSockets: 50 });
    }
    agent = once.agents[key];
    once.busy++;
  }
  const done = () => {
    if (!init.once) return;
    once.busy--;
    once.lastEnd = Date.now();
  };
  return new Promise<AwsResponse>((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: init.method,
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
        agent: agent as never,
        timeout: init.timeoutMs,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            errorType: [res.headers['x-amzn-errortype']].flat()[0],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('AWS call timed out'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', (error: Error & { code?: string }) =>
      // A kept-alive socket the server closed while the container was frozen: the request did not
      // reach AWS (Node's advice for `reusedSocket`). Not for a call that must not repeat (see `once`).
      reject(
        req.reusedSocket && error.code === 'ECONNRESET' && !init.once ? new StaleSocketError(error) : error,
      ),
    );
    req.end(init.body);
  }).finally(done);
};

export const awsCall = async (
  endpoint: AwsEndpoint,
  request: AwsRequest,
  transport: Transport,
  options: CallOptions = {},
): Promise<AwsResponse> => {
  const attempts = options.maxAttempts ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const url = new URL(request.path, endpoint.url);
  let stale = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const headers = signRequest(
        { method: request.method, url, headers: request.headers, body: request.body },
        endpoint,
        await endpoint.credentials(),
        (options.now ?? (() => new Date()))(),
      );
      const response = await transport(url, {
        method: request.method,
        headers,
        body: request.body,
        timeoutMs: options.timeoutMs ?? 10_000,
        ...(attempts === 1 ? { once: true } : {}),
      });
      if (response.status >= 200 && response.status < 300) return response;
      throw errorOf(response.status, response.body, response.errorType);
    } catch (error) {
      // One resend of a request that never left, on a fresh connection, beyond the call's attempts.
      if (error instanceof StaleSocketError && stale++ === 0) {
        attempt--;
        continue;
      }
      if (attempt >= attempts || !isRetryable(error)) throw error;
      // Full jitter: a random wait up to base × 2^attempt, capped at 20 s (the SDK's standard mode).
      const cap = Math.min(20_000, (options.baseDelayMs ?? 100) * 2 ** attempt);
      await sleep(Math.floor(random() * cap));
    }
  }
};

/** A command of one of the project's AWS clients: its input, and its output's type (never set). */
export abstract class AwsCommand<I, O> {
  declare readonly _output?: O;
  constructor(readonly input: I) {}
}

export type OutputOf<C> = C extends AwsCommand<unknown, infer O> ? O : never;

/** A call whose answer is a JSON object (an empty body is `{}`). */
export const jsonCall = async (
  endpoint: AwsEndpoint,
  request: AwsRequest,
  options: CallOptions & { readonly transport?: Transport },
): Promise<Record<string, unknown>> => {
  const response = await awsCall(endpoint, request, options.transport ?? nodeTransport, options);
  const parsed: unknown = response.body ? JSON.parse(response.body) : {};
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
};
