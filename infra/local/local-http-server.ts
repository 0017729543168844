/**
 * The HTTP plumbing shared by the local AWS endpoints (bus, scheduler): bind 127.0.0.1 only, read
 * bodies with a size cap, answer JSON, and close promptly even while SDK clients hold keep-alive
 * connections open.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOn } from './port-in-use.ts';

export interface LocalHttpServer {
  /** `http://127.0.0.1:<port>`, ready to pass as an SDK client's `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops accepting requests and drops open connections. */
  close(): Promise<void>;
}

export type LocalRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Thrown by {@link readBody} when the body exceeds its cap; the caller maps it to its protocol's error. */
export class RequestTooLargeError extends Error {
  override readonly name = 'RequestTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`request body exceeds ${limitBytes} bytes`);
  }
}

/** Reads the whole body as UTF-8, rejecting with {@link RequestTooLargeError} past `limitBytes`. */
export const readBody = (req: IncomingMessage, limitBytes: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new RequestTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** Parses JSON without throwing: `undefined` for an empty body, the error for malformed text. */
export const parseJson = (text: string): { ok: true; value: unknown } | { ok: false; error: Error } => {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
};

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': crypto.randomUUID(),
    ...headers,
  });
  res.end(payload);
};

/**
 * Listens on 127.0.0.1 (`port` 0 picks a free port). A handler that throws answers 500 with an
 * `InternalFailure` error type, as an AWS endpoint would, and the error goes to `onError`.
 */
export const listenOnLocalhost = async (
  handler: LocalRequestHandler,
  options: { readonly port?: number; readonly onError?: (error: unknown) => void } = {},
): Promise<LocalHttpServer> => {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) {
        sendJson(
          res,
          500,
          { message: 'Internal failure of the local endpoint' },
          { 'x-amzn-errortype': 'InternalFailure' },
        );
      } else res.destroy();
    });
  });
  await listenOn(server, options.port ?? 0, '127.0.0.1');
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the local server has no TCP address');
  const { port } = address;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
