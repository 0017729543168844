import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  KMSClient,
  NotFoundException,
} from '@aws-sdk/client-kms';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KMS_KEY_FILE, loadOrCreateKmsKey } from '../../infra/local/kms-key-file.ts';
import { type LocalKms, startLocalKms } from '../../infra/local/local-kms.ts';
import { randomWorkspaceId } from '../support/workspace.ts';

let kms: LocalKms;
let client: KMSClient;
let context: Record<string, string>;

const clientFor = (endpoint: string) =>
  new KMSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });

beforeEach(async () => {
  kms = await startLocalKms({ alias: 'alias/ecrm-test-secrets' });
  client = clientFor(kms.endpoint);
  context = { workspaceId: randomWorkspaceId(), connectionId: 'conn_1' };
});

afterEach(async () => {
  client.destroy();
  await kms.stop();
});

/** KMS does not model ValidationException: the SDK throws its generic service exception, named so. */
const validationError = { name: 'ValidationException', $metadata: { httpStatusCode: 400 } };

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

const encrypt = async (plaintext: string, encryptionContext = context, keyId = kms.keyArn) => {
  const out = await client.send(
    new EncryptCommand({ KeyId: keyId, Plaintext: utf8(plaintext), EncryptionContext: encryptionContext }),
  );
  if (!out.CiphertextBlob) throw new Error('no ciphertext');
  return out.CiphertextBlob;
};

describe('local KMS Encrypt/Decrypt with the real SDK client', () => {
  it('round-trips a secret under its encryption context, without a KeyId on Decrypt', async () => {
    const encrypted = await client.send(
      new EncryptCommand({ KeyId: kms.keyId, Plaintext: utf8('shpss_secret'), EncryptionContext: context }),
    );

    expect(encrypted.KeyId).toBe(kms.keyArn);
    expect(encrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(kms.keyArn).toBe(`arn:aws:kms:us-east-1:000000000000:key/${kms.keyId}`);
    expect(Buffer.from(encrypted.CiphertextBlob ?? []).includes(Buffer.from('shpss_secret'))).toBe(false);

    const decrypted = await client.send(
      new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: context }),
    );
    expect(text(decrypted.Plaintext)).toBe('shpss_secret');
    expect(decrypted.KeyId).toBe(kms.keyArn);
    expect(decrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
  });

  it('accepts the key by id, ARN, alias and alias ARN, and the context in any key order', async () => {
    const aliasArn = 'arn:aws:kms:us-east-1:000000000000:alias/ecrm-test-secrets';
    for (const keyId of [kms.keyId, kms.keyArn, 'alias/ecrm-test-secrets', aliasArn]) {
      const blob = await encrypt('s', context, keyId);
      const reordered = { connectionId: context.connectionId ?? '', workspaceId: context.workspaceId ?? '' };
      const out = await client.send(
        new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: reordered, KeyId: keyId }),
      );
      expect(text(out.Plaintext), keyId).toBe('s');
    }
  });

  it('encrypts the same secret differently each time', async () => {
    const [a, b] = await Promise.all([encrypt('same'), encrypt('same')]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('refuses Decrypt under another encryption context, or none', async () => {
    const blob = await encrypt('secret');
    const otherContexts: (Record<string, string> | undefined)[] = [
      { ...context, connectionId: 'conn_2' },
      { ...context, workspaceId: randomWorkspaceId() },
      { workspaceId: context.workspaceId ?? '' },
      { ...context, extra: 'x' },
      {},
      undefined,
    ];
    for (const other of otherContexts) {
      await expect(
        client.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: other })),
        JSON.stringify(other),
      ).rejects.toBeInstanceOf(InvalidCiphertextException);
    }
  });

  it('treats an empty context as none, as KMS does', async () => {
    const blob = await encrypt('secret', {});
    const out = await client.send(new DecryptCommand({ CiphertextBlob: blob }));
    expect(text(out.Plaintext)).toBe('secret');
  });

  it('refuses a tampered ciphertext, whichever byte was changed', async () => {
    const blob = await encrypt('secret');
    for (const index of [0, 1, 17, 29, 45, blob.length - 1]) {
      const tampered = Uint8Array.from(blob);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      await expect(
        client.send(new DecryptCommand({ CiphertextBlob: tampered, EncryptionContext: context })),
        `byte ${index}`,
      ).rejects.toBeInstanceOf(InvalidCiphertextException);
    }
    await expect(
      client.send(new DecryptCommand({ CiphertextBlob: blob.subarray(0, 20), EncryptionContext: context })),
    ).rejects.toBeInstanceOf(InvalidCiphertextException);
  });

  it('refuses Decrypt with a KeyId naming another key (IncorrectKeyException)', async () => {
    const other = await client.send(new CreateKeyCommand({ Description: 'another key' }));
    const otherArn = other.KeyMetadata?.Arn;
    expect(otherArn).toMatch(/^arn:aws:kms:us-east-1:000000000000:key\/[0-9a-f-]{36}$/);
    const blob = await encrypt('secret');

    await expect(
      client.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context, KeyId: otherArn })),
    ).rejects.toBeInstanceOf(IncorrectKeyException);

    const underOther = await encrypt('other secret', context, otherArn);
    const out = await client.send(
      new DecryptCommand({ CiphertextBlob: underOther, EncryptionContext: context }),
    );
    expect(out.KeyId).toBe(otherArn);
    expect(text(out.Plaintext)).toBe('other secret');
  });

  it("refuses another process's ciphertext: its key material is not this one's", async () => {
    const blob = await encrypt('secret');
    const elsewhere = await startLocalKms({ keyId: kms.keyId });
    const elsewhereClient = clientFor(elsewhere.endpoint);
    try {
      await expect(
        elsewhereClient.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context })),
      ).rejects.toBeInstanceOf(InvalidCiphertextException);
    } finally {
      elsewhereClient.destroy();
      await elsewhere.stop();
    }
  });

  it('answers NotFoundException for an unknown key id, key ARN or alias', async () => {
    const unknown = [
      '6f1c2a57-0000-4000-8000-000000000000',
      'arn:aws:kms:us-east-1:000000000000:key/6f1c2a57-0000-4000-8000-000000000000',
      'alias/nope',
      'not-a-key',
    ];
    for (const keyId of unknown) {
      const error = await client
        .send(new EncryptCommand({ KeyId: keyId, Plaintext: utf8('x') }))
        .catch((e: unknown) => e);
      expect(error, keyId).toBeInstanceOf(NotFoundException);
      expect(error instanceof NotFoundException && error.$metadata.httpStatusCode).toBe(404);
    }
    await expect(client.send(new DescribeKeyCommand({ KeyId: 'alias/nope' }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it('takes 1 to 4096 bytes of plaintext, as KMS does', async () => {
    const max = 'x'.repeat(4096);
    const blob = await encrypt(max);
    const out = await client.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }));
    expect(text(out.Plaintext)).toBe(max);

    const tooBig = client.send(
      new EncryptCommand({ KeyId: kms.keyId, Plaintext: utf8(`${max}x`), EncryptionContext: context }),
    );
    await expect(tooBig).rejects.toMatchObject(validationError);
    await expect(tooBig).rejects.toThrow(/plaintext.*less than or equal to 4096/);
    await expect(
      client.send(new EncryptCommand({ KeyId: kms.keyId, Plaintext: new Uint8Array() })),
    ).rejects.toMatchObject(validationError);
  });
});

describe('local KMS GenerateDataKey and DescribeKey', () => {
  it('generates a data key whose ciphertext decrypts to its plaintext under the same context', async () => {
    const out = await client.send(
      new GenerateDataKeyCommand({ KeyId: kms.keyId, KeySpec: 'AES_256', EncryptionContext: context }),
    );
    expect(out.Plaintext).toHaveLength(32);
    expect(out.KeyId).toBe(kms.keyArn);
    const back = await client.send(
      new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: context }),
    );
    expect(Buffer.from(back.Plaintext ?? []).equals(Buffer.from(out.Plaintext ?? []))).toBe(true);

    const sized = await client.send(new GenerateDataKeyCommand({ KeyId: kms.keyId, NumberOfBytes: 16 }));
    expect(sized.Plaintext).toHaveLength(16);
    await expect(client.send(new GenerateDataKeyCommand({ KeyId: kms.keyId }))).rejects.toMatchObject(
      validationError,
    );
    await expect(
      client.send(new GenerateDataKeyCommand({ KeyId: kms.keyId, NumberOfBytes: 1025 })),
    ).rejects.toMatchObject(validationError);
  });

  it('describes the key as an enabled symmetric customer key, creation date included', async () => {
    const out = await client.send(new DescribeKeyCommand({ KeyId: 'alias/ecrm-test-secrets' }));
    expect(out.KeyMetadata).toMatchObject({
      KeyId: kms.keyId,
      Arn: kms.keyArn,
      AWSAccountId: '000000000000',
      Enabled: true,
      KeyState: 'Enabled',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyManager: 'CUSTOMER',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    });
    expect(out.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs((out.KeyMetadata?.CreationDate?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });
});

describe('the local KMS endpoint', () => {
  const post = (target: string | undefined, body: string) =>
    fetch(kms.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        ...(target ? { 'x-amz-target': target } : {}),
      },
      body,
    });

  it('answers AWS-shaped errors for unknown operations and malformed bodies', async () => {
    const unknown = await post('TrentService.ScheduleKeyDeletion', '{}');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');

    const malformed = await post('TrentService.Encrypt', '{not json');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ __type: 'SerializationException' });

    const notBase64 = await post(
      'TrentService.Encrypt',
      JSON.stringify({ KeyId: kms.keyId, Plaintext: '%%' }),
    );
    expect(notBase64.headers.get('x-amzn-errortype')).toBe('SerializationException');

    const missing = await post('TrentService.Encrypt', JSON.stringify({ KeyId: kms.keyId }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      __type: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'plaintext' failed to satisfy constraint: Member must not be null",
    });
  });

  it('serves the SDK client created without an endpoint through AWS_ENDPOINT_URL_KMS', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_KMS;
    process.env.AWS_ENDPOINT_URL_KMS = kms.endpoint;
    const fromEnv = new KMSClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    try {
      const out = await fromEnv.send(new DescribeKeyCommand({ KeyId: kms.keyArn }));
      expect(out.KeyMetadata?.KeyId).toBe(kms.keyId);
    } finally {
      fromEnv.destroy();
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_KMS;
      else process.env.AWS_ENDPOINT_URL_KMS = saved;
    }
  });
});

describe('a persistent local key (npm start --data)', () => {
  it('decrypts after a restart with the key file in the data folder', async () => {
    const dataPath = mkdtempSync(join(tmpdir(), 'ecrm-kms-'));
    try {
      const first = await startLocalKms(loadOrCreateKmsKey(dataPath));
      const firstClient = clientFor(first.endpoint);
      const sealed = await firstClient.send(
        new EncryptCommand({ KeyId: first.keyArn, Plaintext: utf8('kept'), EncryptionContext: context }),
      );
      firstClient.destroy();
      await first.stop();
      expect(statSync(join(dataPath, KMS_KEY_FILE)).mode & 0o077).toBe(0);

      const second = await startLocalKms(loadOrCreateKmsKey(dataPath));
      const secondClient = clientFor(second.endpoint);
      try {
        expect(second.keyArn).toBe(first.keyArn);
        const out = await secondClient.send(
          new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: context }),
        );
        expect(text(out.Plaintext)).toBe('kept');
      } finally {
        secondClient.destroy();
        await second.stop();
      }
      expect(readFileSync(join(dataPath, KMS_KEY_FILE), 'utf8')).toContain(first.keyId);
    } finally {
      rmSync(dataPath, { recursive: true, force: true });
    }
  });
});
