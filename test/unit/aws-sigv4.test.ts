/**
 * The project's SigV4 signer against the SDK's own (`@smithy/signature-v4`, which the AWS SDK signs
 * every request with): same request, same time, same credentials → the same Authorization header.
 */
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../lib/shared/aws/sigv4.ts';

class Sha256 {
  readonly #hash;
  constructor(secret?: string | Uint8Array) {
    this.#hash = secret ? createHmac('sha256', secret) : createHash('sha256');
  }
  update(data: string | Uint8Array) {
    this.#hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.#hash.digest());
  }
}

const NOW = new Date('2026-11-30T04:15:09.123Z');

const cases: {
  what: string;
  service: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}[] = [
  {
    what: 'DynamoDB (JSON 1.0), with a session token',
    service: 'dynamodb',
    url: 'https://dynamodb.eu-west-1.amazonaws.com/',
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' },
    body: JSON.stringify({ TableName: 'ecrm', Key: { pk: { S: 'WS#a' }, sk: { S: 'ñ ü 中' } } }),
    credentials: {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      sessionToken: 'IQoJb3JpZ2luX2VjE',
    },
  },
  {
    what: 'SES v2 (REST JSON), a path with segments',
    service: 'ses',
    url: 'https://email.us-east-1.amazonaws.com/v2/email/outbound-bulk-emails',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"BulkEmailEntries":[]}',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  },
  {
    what: 'SES v2 GET with no body',
    service: 'ses',
    url: 'https://email.us-east-1.amazonaws.com/v2/email/account',
    method: 'GET',
    headers: {},
    body: '',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  },
];

describe('signRequest', () => {
  for (const c of cases)
    it(`signs as the SDK does: ${c.what}`, async () => {
      const url = new URL(c.url);
      const region = url.hostname.split('.')[1] ?? 'us-east-1';
      const ours = signRequest(
        { method: c.method, url, headers: c.headers, body: c.body },
        { service: c.service, region },
        c.credentials,
        NOW,
      );
      const sdk = await new SignatureV4({
        credentials: c.credentials,
        region,
        service: c.service,
        // node's hash behind the SDK's Checksum interface.
        sha256: Sha256 as never,
        applyChecksum: false,
      }).sign(
        {
          method: c.method,
          protocol: url.protocol,
          hostname: url.hostname,
          path: url.pathname,
          headers: { ...c.headers, host: url.host },
          body: c.body,
          query: {},
        },
        { signingDate: NOW },
      );
      // x-amz-content-sha256 (applyChecksum) is for S3; without it the two must agree byte for byte.
      expect(ours.authorization).toBe(sdk.headers.authorization);
      expect(ours['x-amz-date']).toBe(sdk.headers['x-amz-date']);
    });
});
