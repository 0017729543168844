/**
 * The HTTP POST of a delivery, pinned to the address the SSRF guard checked: the request's `lookup`
 * answers that address whatever the name resolves to now, so a DNS answer that changed since the check
 * (rebinding) is never connected to; TLS still verifies the certificate against the host name. No
 * redirects are followed (a 3xx is a failure), the answer's body is read up to 1 KB and dropped, and the
 * whole exchange has a deadline.
 */

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './endpoint-address.ts';

export interface PostResult {
  /** The receiver's status, when it answered. */
  readonly statusCode?: number;
  /** Why no status came: a timeout, a refused connection, a TLS failure. */
  readonly error?: string;
}

export type PostWebhook = (
  target: ResolvedAddress & { readonly url: URL },
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
) => Promise<PostResult>;

const READ_LIMIT = 1024;

const pinnedLookup =
  (target: ResolvedAddress): LookupFunction =>
  (_hostname, options, callback) => {
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily): answer the one.
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };

export const postWebhook: PostWebhook = (target, body, headers, timeoutMs) =>
  new Promise((resolve) => {
    let settled = false;
    const done = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(target),
        agent: false,
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > READ_LIMIT) res.destroy();
        });
        const answer = () => done({ statusCode: res.statusCode ?? 0 });
        res.on('end', answer);
        res.on('close', answer);
        res.on('error', answer);
      },
    );
    const deadline = setTimeout(() => {
      req.destroy();
      done({ error: `no answer within ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    req.on('error', (error) => done({ error: error.message || 'request failed' }));
    req.end(body);
  });
