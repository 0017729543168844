/**
 * The request and response plumbing shared by the local AWS endpoints: read bodies with a size cap,
 * parse JSON without throwing, answer JSON as AWS does. Their lifecycle (listen, stop, idle) is
 * local-endpoint.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

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
