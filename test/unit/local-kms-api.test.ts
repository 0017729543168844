import { describe, expect, it } from 'vitest';
import { KmsError, KmsKeyRing } from '../../infra/local/kms-api.ts';

const ring = () => {
  const keys = new KmsKeyRing({
    region: 'eu-west-1',
    account: '123456789012',
    now: () => new Date('2026-05-01T00:00:00Z'),
  });
  const key = keys.addKey({ keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', alias: 'alias/ecrm-dev-secrets' });
  return { keys, key };
};

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The KMS error a call throws, as `{ type, status, message }`. */
const failure = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    if (error instanceof KmsError)
      return { type: error.errorType, status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a KmsError');
};

const encrypted = (keys: KmsKeyRing, body: Record<string, unknown>) => {
  const out: unknown = keys.handle('Encrypt', body);
  if (typeof out !== 'object' || out === null || !('CiphertextBlob' in out)) throw new Error('no blob');
  return String(out.CiphertextBlob);
};

describe('local KMS key names', () => {
  it('resolves a key by id, ARN, alias name and alias ARN', () => {
    const { keys, key } = ring();
    expect(key.arn).toBe('arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    for (const name of [
      key.keyId,
      key.arn,
      'alias/ecrm-dev-secrets',
      'arn:aws:kms:eu-west-1:123456789012:alias/ecrm-dev-secrets',
    ]) {
      expect(keys.resolve(name), name).toBe(key);
    }
  });

  it('answers NotFoundException (404) for what names no key, with KMS wording', () => {
    const { keys } = ring();
    expect(failure(() => keys.resolve('alias/other'))).toEqual({
      type: 'NotFoundException',
      status: 404,
      message: 'Alias arn:aws:kms:eu-west-1:123456789012:alias/other is not found.',
    });
    expect(failure(() => keys.resolve('00000000-0000-4000-8000-000000000000')).message).toBe(
      "Key 'arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-4000-8000-000000000000' does not exist",
    );
    expect(failure(() => keys.resolve('garbage')).type).toBe('NotFoundException');
    // Another account or region is another key, even with the same id.
    expect(
      failure(() =>
        keys.resolve('arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
      ).type,
    ).toBe('NotFoundException');
  });

  it('refuses a duplicate key or alias, bad material and reserved aliases when adding keys', () => {
    const { keys, key } = ring();
    expect(() => keys.addKey({ keyId: key.keyId })).toThrow(/already exists/);
    expect(() => keys.addKey({ alias: 'alias/ecrm-dev-secrets' })).toThrow(/already exists/);
    expect(() => keys.addKey({ material: Buffer.alloc(16) })).toThrow(/32 bytes/);
    expect(() => keys.addKey({ alias: 'alias/aws/s3' })).toThrow(/alias/);
    expect(() => keys.addKey({ alias: 'secrets' })).toThrow(/alias/);
  });
});

describe('local KMS requests', () => {
  it('validates with KMS wording: ValidationException for constraints, SerializationException for shapes', () => {
    const { keys, key } = ring();
    expect(failure(() => keys.handle('Encrypt', { KeyId: key.keyId, Plaintext: '' }))).toEqual({
      type: 'ValidationException',
      status: 400,
      message:
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    expect(failure(() => keys.handle('Encrypt', {})).message).toBe(
      "2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'plaintext' failed to satisfy constraint: Member must not be null",
    );
    expect(failure(() => keys.handle('Decrypt', {})).type).toBe('ValidationException');
    expect(
      failure(() => keys.handle('Decrypt', { CiphertextBlob: Buffer.alloc(6145).toString('base64') })).type,
    ).toBe('ValidationException');
    expect(failure(() => keys.handle('Encrypt', { KeyId: 1, Plaintext: b64('x') })).type).toBe(
      'SerializationException',
    );
    expect(failure(() => keys.handle('Encrypt', { KeyId: key.keyId, Plaintext: 'not base64!' })).type).toBe(
      'SerializationException',
    );
    expect(
      failure(() =>
        keys.handle('Encrypt', { KeyId: key.keyId, Plaintext: b64('x'), EncryptionContext: { a: 1 } }),
      ).type,
    ).toBe('SerializationException');
    expect(failure(() => keys.handle('ListKeys', {})).type).toBe('UnknownOperationException');
  });

  it('accepts exactly 4096 bytes of plaintext and refuses 4097', () => {
    const { keys, key } = ring();
    const blob = encrypted(keys, { KeyId: key.keyId, Plaintext: Buffer.alloc(4096, 1).toString('base64') });
    expect(keys.handle('Decrypt', { CiphertextBlob: blob })).toMatchObject({
      Plaintext: Buffer.alloc(4096, 1).toString('base64'),
    });
    expect(
      failure(() =>
        keys.handle('Encrypt', { KeyId: key.keyId, Plaintext: Buffer.alloc(4097).toString('base64') }),
      ).message,
    ).toMatch(/'plaintext'.*less than or equal to 4096/);
  });

  it('refuses an algorithm other than SYMMETRIC_DEFAULT and answers DryRun with DryRunOperationException', () => {
    const { keys, key } = ring();
    const request = { KeyId: key.keyId, Plaintext: b64('x') };
    expect(
      failure(() => keys.handle('Encrypt', { ...request, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })).type,
    ).toBe('InvalidKeyUsageException');
    expect(failure(() => keys.handle('Encrypt', { ...request, DryRun: true }))).toMatchObject({
      type: 'DryRunOperationException',
      status: 412,
    });
  });

  it('says nothing about why a Decrypt failed: blob, material and context all give InvalidCiphertextException', () => {
    const { keys, key } = ring();
    const blob = encrypted(keys, { KeyId: key.keyId, Plaintext: b64('x'), EncryptionContext: { a: '1' } });
    const wrongContext = failure(() =>
      keys.handle('Decrypt', { CiphertextBlob: blob, EncryptionContext: { a: '2' } }),
    );
    const garbage = failure(() => keys.handle('Decrypt', { CiphertextBlob: b64('garbage') }));
    const other = new KmsKeyRing({ region: 'eu-west-1', account: '123456789012' });
    other.addKey({ keyId: key.keyId });
    const otherMaterial = failure(() =>
      other.handle('Decrypt', { CiphertextBlob: blob, EncryptionContext: { a: '1' } }),
    );
    for (const f of [wrongContext, garbage, otherMaterial]) {
      expect(f).toEqual({ type: 'InvalidCiphertextException', status: 400, message: '' });
    }
  });

  it('describes keys with the creation date in epoch seconds, and creates symmetric keys only', () => {
    const { keys } = ring();
    expect(keys.handle('DescribeKey', { KeyId: 'alias/ecrm-dev-secrets' })).toMatchObject({
      KeyMetadata: { CreationDate: Date.parse('2026-05-01T00:00:00Z') / 1000, KeySpec: 'SYMMETRIC_DEFAULT' },
    });
    expect(keys.handle('CreateKey', { Description: 'second' })).toMatchObject({
      KeyMetadata: { Description: 'second', KeyUsage: 'ENCRYPT_DECRYPT' },
    });
    expect(failure(() => keys.handle('CreateKey', { KeySpec: 'RSA_2048' })).type).toBe(
      'UnsupportedOperationException',
    );
  });
});
