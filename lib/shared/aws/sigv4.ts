/**
 * AWS Signature Version 4 for the JSON APIs ecrm calls on its hot paths (DynamoDB, SES v2, KMS), as
 * AWS documents it ("Create a signed AWS API request"): a canonical request, the string to sign, and
 * the signing key derived from the secret, the date, the region and the service. Only what these
 * calls need: no query strings, no unsigned payloads, no chunked bodies.
 */
import { createHash, createHmac } from 'node:crypto';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface SignableRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: URL;
  /** Lower-case names; `host` and the `x-amz-*` signing headers are added. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding of one path segment, as SigV4 wants it (non-S3 services encode the path twice). */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const canonicalPath = (url: URL) =>
  url.pathname
    .split('/')
    .map((s) => encodeSegment(s))
    .join('/') || '/';

/** `20261130T041500Z` and `20261130`. */
const stamps = (now: Date) => {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return { amzDate, day: amzDate.slice(0, 8) };
};

/** The request's headers with `host`, `x-amz-date`, the session token and `authorization` added. */
export const signRequest = (
  request: SignableRequest,
  scope: { readonly service: string; readonly region: string },
  credentials: AwsCredentials,
  now: Date,
): Record<string, string> => {
  const { amzDate, day } = stamps(now);
  const headers: Record<string, string> = {
    ...request.headers,
    host: request.url.host,
    'x-amz-date': amzDate,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const names = Object.keys(headers)
    .map((n) => n.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([n, v]) => [n.toLowerCase(), v]));
  const signedHeaders = names.join(';');
  const canonical = [
    request.method,
    canonicalPath(request.url),
    '',
    ...names.map((n) => `${n}:${String(lower[n]).trim().replace(/\s+/g, ' ')}`),
    '',
    signedHeaders,
    sha256(request.body),
  ].join('\n');
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, credentialScope, sha256(canonical)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), scope.region), scope.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
};
