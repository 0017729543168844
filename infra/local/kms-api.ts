/**
 * KMS's Encrypt, Decrypt, GenerateDataKey, DescribeKey and CreateKey over a set of local symmetric keys,
 * with the wire shapes `@aws-sdk/client-kms` sends (awsJson1_1: blobs as base64 strings, timestamps in
 * epoch seconds) and the errors KMS answers. No HTTP here: local-kms.ts serves it.
 *
 * Invariants:
 * - A key is named by its id, its ARN, an alias name (`alias/x`) or an alias ARN, as in KMS; a name that
 *   resolves to nothing is NotFoundException.
 * - Decrypt takes the key from the blob; a KeyId that names another key is IncorrectKeyException, and a
 *   blob that is malformed, altered, from other key material or under another context is
 *   InvalidCiphertextException.
 * - Plaintext is 1–4096 bytes, ciphertext 1–6144 bytes, data keys 1–1024 bytes, as in KMS; a violated
 *   constraint is ValidationException, a body of the wrong shape SerializationException.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { isKeyId, KEY_MATERIAL_BYTES, keyIdOfBlob, open, seal } from './kms-ciphertext.ts';

export const MAX_PLAINTEXT_BYTES = 4096;
export const MAX_CIPHERTEXT_BYTES = 6144;
export const MAX_DATA_KEY_BYTES = 1024;
const MAX_KEY_ID_LENGTH = 2048;
const SYMMETRIC_DEFAULT = 'SYMMETRIC_DEFAULT';

/** An error KMS would answer: its `__type`, message and HTTP status. */
export class KmsError extends Error {
  override readonly name = 'KmsError';
  constructor(
    readonly errorType: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** One local symmetric encryption key (KMS's SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT). */
export interface LocalKmsKey {
  readonly keyId: string;
  readonly arn: string;
  readonly description: string;
  readonly creationDate: Date;
  /** @internal The AES-256 key material; never leaves the process. */
  readonly material: Buffer;
}

export interface NewKey {
  /** A lower-case UUID; random when omitted. */
  readonly keyId?: string;
  /** 32 bytes; random when omitted. Given, ciphertexts survive a restart that gives it again. */
  readonly material?: Uint8Array;
  readonly description?: string;
  /** `alias/<name>`, pointing at this key. */
  readonly alias?: string;
}

export interface KmsKeyRingOptions {
  readonly region: string;
  readonly account: string;
  readonly now?: () => Date;
}

const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;

const blob = z.base64();
const context = z.record(z.string(), z.string());
const grantTokens = z.array(z.string());

const encryptRequest = z.object({
  KeyId: z.string().optional(),
  Plaintext: blob.optional(),
  EncryptionContext: context.optional(),
  GrantTokens: grantTokens.optional(),
  EncryptionAlgorithm: z.string().optional(),
  DryRun: z.boolean().optional(),
});

const decryptRequest = z.object({
  CiphertextBlob: blob.optional(),
  EncryptionContext: context.optional(),
  GrantTokens: grantTokens.optional(),
  KeyId: z.string().optional(),
  EncryptionAlgorithm: z.string().optional(),
  Recipient: z.unknown().optional(),
  DryRun: z.boolean().optional(),
  DryRunModifiers: z.array(z.string()).optional(),
});

const generateDataKeyRequest = z.object({
  KeyId: z.string().optional(),
  EncryptionContext: context.optional(),
  NumberOfBytes: z.number().int().optional(),
  KeySpec: z.string().optional(),
  GrantTokens: grantTokens.optional(),
  Recipient: z.unknown().optional(),
  DryRun: z.boolean().optional(),
});

const describeKeyRequest = z.object({
  KeyId: z.string().optional(),
  GrantTokens: grantTokens.optional(),
});

const createKeyRequest = z.looseObject({
  Description: z.string().optional(),
  KeyUsage: z.string().optional(),
  KeySpec: z.string().optional(),
  CustomerMasterKeySpec: z.string().optional(),
  Origin: z.string().optional(),
  MultiRegion: z.boolean().optional(),
});

const parse = <S extends z.ZodType>(schema: S, body: unknown, operation: string): z.infer<S> => {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new KmsError(
      'SerializationException',
      `Malformed ${operation} request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
};

/** A constraint check: `undefined` when it holds, KMS's wording of the violation otherwise. */
type Violation = string | undefined;

const notNull = (value: unknown, field: string): Violation =>
  value === undefined
    ? `Value null at '${field}' failed to satisfy constraint: Member must not be null`
    : undefined;

const lengthWithin = (
  value: { length: number } | undefined,
  field: string,
  min: number,
  max: number,
): Violation => {
  if (value === undefined) return undefined;
  if (value.length < min)
    return `Value at '${field}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`;
  if (value.length > max)
    return `Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`;
  return undefined;
};

const validate = (...checks: Violation[]): void => {
  const violations = checks.filter((c): c is string => c !== undefined);
  if (violations.length === 0) return;
  const n = violations.length;
  throw new KmsError(
    'ValidationException',
    `${n} validation error${n > 1 ? 's' : ''} detected: ${violations.join('; ')}`,
  );
};

const symmetricOnly = (algorithm: string | undefined): void => {
  if (algorithm !== undefined && algorithm !== SYMMETRIC_DEFAULT) {
    throw new KmsError('InvalidKeyUsageException', `${algorithm} is not supported by a symmetric key.`);
  }
};

const noRecipient = (recipient: unknown): void => {
  if (recipient !== undefined) {
    throw new KmsError(
      'UnsupportedOperationException',
      'The local KMS does not support Nitro Enclaves recipients.',
    );
  }
};

const dryRun = (requested: boolean | undefined): void => {
  if (requested) {
    throw new KmsError(
      'DryRunOperationException',
      'The request would have succeeded, but the DryRun option is set.',
      412,
    );
  }
};

const bytes = (base64: string | undefined): Buffer | undefined =>
  base64 === undefined ? undefined : Buffer.from(base64, 'base64');

const base64 = (data: Uint8Array): string => Buffer.from(data).toString('base64');

/** The local keys, and the KMS operations over them. */
export class KmsKeyRing {
  private readonly keys = new Map<string, LocalKmsKey>();
  private readonly aliases = new Map<string, string>();
  private readonly now: () => Date;

  constructor(private readonly options: KmsKeyRingOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Adds a key. @throws Error for an id already used, material of the wrong size or a bad alias. */
  addKey(key: NewKey = {}): LocalKmsKey {
    const keyId = key.keyId ?? randomUUID();
    if (!isKeyId(keyId)) throw new Error(`key id ${keyId} is not a lower-case UUID`);
    if (this.keys.has(keyId)) throw new Error(`key ${keyId} already exists`);
    const material = Buffer.from(key.material ?? randomBytes(KEY_MATERIAL_BYTES));
    if (material.length !== KEY_MATERIAL_BYTES)
      throw new Error(`key material must be ${KEY_MATERIAL_BYTES} bytes`);
    if (key.alias !== undefined) {
      if (!ALIAS_NAME.test(key.alias) || key.alias.startsWith('alias/aws/'))
        throw new Error(`${key.alias} is not an alias name (alias/<name>, not alias/aws/...)`);
      if (this.aliases.has(key.alias)) throw new Error(`${key.alias} already exists`);
      this.aliases.set(key.alias, keyId);
    }
    const created: LocalKmsKey = {
      keyId,
      arn: this.arn(`key/${keyId}`),
      description: key.description ?? '',
      creationDate: this.now(),
      material,
    };
    this.keys.set(keyId, created);
    return created;
  }

  /** The key a KeyId names (id, key ARN, alias name or alias ARN). @throws {KmsError} NotFoundException. */
  resolve(keyId: string): LocalKmsKey {
    const prefix = this.arn('');
    const local = keyId.startsWith(prefix) ? keyId.slice(prefix.length) : keyId;
    if (local.startsWith('alias/')) {
      const id = this.aliases.get(local);
      const key = id === undefined ? undefined : this.keys.get(id);
      if (!key) throw new KmsError('NotFoundException', `Alias ${this.arn(local)} is not found.`, 404);
      return key;
    }
    const id = local.startsWith('key/') ? local.slice('key/'.length) : local;
    if (keyId.startsWith('arn:') && id === local) {
      throw new KmsError('NotFoundException', `Invalid arn ${keyId}`, 404);
    }
    if (!isKeyId(id)) throw new KmsError('NotFoundException', `Invalid keyId '${keyId}'`, 404);
    const key = this.keys.get(id);
    if (!key) throw new KmsError('NotFoundException', `Key '${this.arn(`key/${id}`)}' does not exist`, 404);
    return key;
  }

  /** Runs one operation on a parsed JSON body. @throws {KmsError} what KMS would answer. */
  handle(operation: string, body: unknown): unknown {
    switch (operation) {
      case 'Encrypt':
        return this.encrypt(parse(encryptRequest, body, operation));
      case 'Decrypt':
        return this.decrypt(parse(decryptRequest, body, operation));
      case 'GenerateDataKey':
        return this.generateDataKey(parse(generateDataKeyRequest, body, operation));
      case 'DescribeKey':
        return this.describeKey(parse(describeKeyRequest, body, operation));
      case 'CreateKey':
        return this.createKey(parse(createKeyRequest, body, operation));
      default:
        throw new KmsError('UnknownOperationException', `The local KMS does not implement ${operation}.`);
    }
  }

  private encrypt(request: z.infer<typeof encryptRequest>) {
    const plaintext = bytes(request.Plaintext);
    validate(
      notNull(request.KeyId, 'keyId'),
      lengthWithin(request.KeyId, 'keyId', 1, MAX_KEY_ID_LENGTH),
      notNull(plaintext, 'plaintext'),
      lengthWithin(plaintext, 'plaintext', 1, MAX_PLAINTEXT_BYTES),
    );
    const key = this.resolve(request.KeyId ?? '');
    symmetricOnly(request.EncryptionAlgorithm);
    dryRun(request.DryRun);
    return {
      CiphertextBlob: base64(
        seal(key.keyId, key.material, plaintext ?? Buffer.alloc(0), request.EncryptionContext),
      ),
      KeyId: key.arn,
      EncryptionAlgorithm: SYMMETRIC_DEFAULT,
    };
  }

  private decrypt(request: z.infer<typeof decryptRequest>) {
    const ciphertext = bytes(request.CiphertextBlob);
    validate(
      notNull(ciphertext, 'ciphertextBlob'),
      lengthWithin(ciphertext, 'ciphertextBlob', 1, MAX_CIPHERTEXT_BYTES),
      lengthWithin(request.KeyId, 'keyId', 1, MAX_KEY_ID_LENGTH),
    );
    noRecipient(request.Recipient);
    const blob = ciphertext ?? Buffer.alloc(0);
    const requested = request.KeyId === undefined ? undefined : this.resolve(request.KeyId);
    const keyId = keyIdOfBlob(blob);
    const key = keyId === undefined ? undefined : this.keys.get(keyId);
    if (requested && key && requested.keyId !== key.keyId) {
      throw new KmsError(
        'IncorrectKeyException',
        'The key ID in the request does not identify a CMK that can perform this operation.',
      );
    }
    symmetricOnly(request.EncryptionAlgorithm);
    const plaintext = key && open(key.material, blob, request.EncryptionContext);
    // KMS says no more than this: which of blob, key or context was wrong is not revealed.
    if (!key || !plaintext) throw new KmsError('InvalidCiphertextException', '');
    dryRun(request.DryRun);
    return { KeyId: key.arn, Plaintext: base64(plaintext), EncryptionAlgorithm: SYMMETRIC_DEFAULT };
  }

  private generateDataKey(request: z.infer<typeof generateDataKeyRequest>) {
    validate(
      notNull(request.KeyId, 'keyId'),
      lengthWithin(request.KeyId, 'keyId', 1, MAX_KEY_ID_LENGTH),
      request.NumberOfBytes !== undefined &&
        (request.NumberOfBytes < 1 || request.NumberOfBytes > MAX_DATA_KEY_BYTES)
        ? `Value '${request.NumberOfBytes}' at 'numberOfBytes' failed to satisfy constraint: Member must have value between 1 and ${MAX_DATA_KEY_BYTES}`
        : undefined,
      request.KeySpec !== undefined && request.KeySpec !== 'AES_256' && request.KeySpec !== 'AES_128'
        ? `Value '${request.KeySpec}' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]`
        : undefined,
    );
    if ((request.NumberOfBytes === undefined) === (request.KeySpec === undefined)) {
      throw new KmsError('ValidationException', 'Please specify either number of bytes or key spec.');
    }
    noRecipient(request.Recipient);
    const key = this.resolve(request.KeyId ?? '');
    dryRun(request.DryRun);
    const size = request.NumberOfBytes ?? (request.KeySpec === 'AES_128' ? 16 : 32);
    const plaintext = randomBytes(size);
    return {
      CiphertextBlob: base64(seal(key.keyId, key.material, plaintext, request.EncryptionContext)),
      Plaintext: base64(plaintext),
      KeyId: key.arn,
    };
  }

  private describeKey(request: z.infer<typeof describeKeyRequest>) {
    validate(notNull(request.KeyId, 'keyId'), lengthWithin(request.KeyId, 'keyId', 1, MAX_KEY_ID_LENGTH));
    return { KeyMetadata: this.metadata(this.resolve(request.KeyId ?? '')) };
  }

  private createKey(request: z.infer<typeof createKeyRequest>) {
    validate(lengthWithin(request.Description, 'description', 0, 8192));
    const unsupported = [
      ['KeyUsage', request.KeyUsage, 'ENCRYPT_DECRYPT'],
      ['KeySpec', request.KeySpec, SYMMETRIC_DEFAULT],
      ['CustomerMasterKeySpec', request.CustomerMasterKeySpec, SYMMETRIC_DEFAULT],
      ['Origin', request.Origin, 'AWS_KMS'],
      ['MultiRegion', request.MultiRegion, false],
    ] as const;
    for (const [field, value, only] of unsupported) {
      if (value !== undefined && value !== only) {
        throw new KmsError(
          'UnsupportedOperationException',
          `The local KMS only creates keys with ${field} ${only}.`,
        );
      }
    }
    return {
      KeyMetadata: this.metadata(
        this.addKey(request.Description ? { description: request.Description } : {}),
      ),
    };
  }

  private metadata(key: LocalKmsKey) {
    return {
      AWSAccountId: this.options.account,
      KeyId: key.keyId,
      Arn: key.arn,
      CreationDate: key.creationDate.getTime() / 1000,
      Enabled: true,
      Description: key.description,
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: SYMMETRIC_DEFAULT,
      KeySpec: SYMMETRIC_DEFAULT,
      EncryptionAlgorithms: [SYMMETRIC_DEFAULT],
      MultiRegion: false,
    };
  }

  private arn(resource: string): string {
    return `arn:aws:kms:${this.options.region}:${this.options.account}:${resource}`;
  }
}
