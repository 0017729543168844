/**
 * KMS Encrypt and Decrypt, the two calls ecrm makes (sealing connection secrets and the link key),
 * with the project's own client over KMS's JSON 1.1 protocol (`TrentService.*`), blobs in base64 as
 * the protocol carries them. As for DynamoDB and SES, the SDK's client costs more at import than the
 * whole cold-start budget.
 */
import { type AwsEndpoint, awsCall, type CallOptions, nodeTransport, type Transport } from './aws-http.ts';

export interface KmsApi {
  encrypt(input: {
    readonly KeyId: string;
    readonly Plaintext: Uint8Array;
    readonly EncryptionContext?: Readonly<Record<string, string>>;
  }): Promise<{ readonly CiphertextBlob: Uint8Array }>;
  /** No KeyId: the blob names its key. */
  decrypt(input: {
    readonly CiphertextBlob: Uint8Array;
    readonly EncryptionContext?: Readonly<Record<string, string>>;
  }): Promise<{ readonly Plaintext: Uint8Array }>;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const blob = (body: string, field: string): Uint8Array => {
  const parsed: unknown = JSON.parse(body);
  const value = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, field) : undefined;
  if (typeof value !== 'string') throw new Error(`KMS answered without ${field}`);
  return Buffer.from(value, 'base64');
};

export const kmsClient = (
  endpoint: Omit<AwsEndpoint, 'service'>,
  options: CallOptions & { readonly transport?: Transport } = {},
): KmsApi => {
  const target = { ...endpoint, service: 'kms' };
  const call = (operation: string, input: Record<string, unknown>) =>
    awsCall(
      target,
      {
        method: 'POST',
        path: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `TrentService.${operation}`,
        },
        body: JSON.stringify(input),
      },
      options.transport ?? nodeTransport,
      options,
    );
  return {
    async encrypt(input) {
      const res = await call('Encrypt', { ...input, Plaintext: base64(input.Plaintext) });
      return { CiphertextBlob: blob(res.body, 'CiphertextBlob') };
    },
    async decrypt(input) {
      const res = await call('Decrypt', { ...input, CiphertextBlob: base64(input.CiphertextBlob) });
      return { Plaintext: blob(res.body, 'Plaintext') };
    },
  };
};
