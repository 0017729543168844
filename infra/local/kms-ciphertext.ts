/**
 * The local KMS's ciphertext blob: AES-256-GCM under one key's material, with the key id inside the blob
 * (so Decrypt needs no KeyId, as with KMS symmetric keys) and the encryption context bound as additional
 * authenticated data (so Decrypt with another context, or none, fails, as in KMS).
 *
 * Layout: `version (1) | key id (16, the UUID's bytes) | iv (12) | tag (16) | ciphertext`.
 * The header (version and key id) is authenticated too: editing any byte of the blob fails the tag.
 *
 * Not KMS's own format, which is opaque and undocumented; only its properties are reproduced.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 0x01;
const KEY_ID_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;

/** Bytes a blob adds to its plaintext. */
export const CIPHERTEXT_OVERHEAD = HEADER_BYTES + IV_BYTES + TAG_BYTES;

/** AES-256 key material. */
export const KEY_MATERIAL_BYTES = 32;

export type EncryptionContext = Readonly<Record<string, string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Local key ids are lower-case UUIDs, like KMS's single-region key ids. */
export const isKeyId = (value: string): boolean => UUID.test(value);

const keyIdBytes = (keyId: string): Buffer => {
  if (!isKeyId(keyId)) throw new Error(`${keyId} is not a key id (a lower-case UUID)`);
  return Buffer.from(keyId.replaceAll('-', ''), 'hex');
};

const keyIdOf = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The context as AAD: its entries sorted by key, as a JSON array of pairs. Key order does not matter (as in
 * KMS), no two different contexts give the same bytes, and an empty context equals none.
 */
export const canonicalContext = (context: EncryptionContext = {}): Buffer =>
  Buffer.from(
    JSON.stringify(Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    'utf8',
  );

const aad = (header: Buffer, context: EncryptionContext | undefined) =>
  Buffer.concat([header, canonicalContext(context)]);

/** Encrypts `plaintext` under `material`, recording `keyId` in the blob. */
export const seal = (
  keyId: string,
  material: Uint8Array,
  plaintext: Uint8Array,
  context?: EncryptionContext,
  iv: Uint8Array = randomBytes(IV_BYTES),
): Buffer => {
  const header = Buffer.concat([Buffer.of(VERSION), keyIdBytes(keyId)]);
  const cipher = createCipheriv('aes-256-gcm', material, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(header, context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
};

/** The key id a blob names, or `undefined` when the blob is not one of ours. Not authenticated yet. */
export const keyIdOfBlob = (blob: Uint8Array): string | undefined => {
  if (blob.length < CIPHERTEXT_OVERHEAD || blob[0] !== VERSION) return undefined;
  return keyIdOf(Buffer.from(blob.subarray(1, HEADER_BYTES)));
};

/**
 * Decrypts a blob with the material of the key it names. `undefined` when the blob is malformed, was
 * altered, was sealed under other material, or under another encryption context.
 */
export const open = (
  material: Uint8Array,
  blob: Uint8Array,
  context?: EncryptionContext,
): Buffer | undefined => {
  if (keyIdOfBlob(blob) === undefined) return undefined;
  const bytes = Buffer.from(blob);
  const header = bytes.subarray(0, HEADER_BYTES);
  const iv = bytes.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
  const tag = bytes.subarray(HEADER_BYTES + IV_BYTES, CIPHERTEXT_OVERHEAD);
  const decipher = createDecipheriv('aes-256-gcm', material, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(header, context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(bytes.subarray(CIPHERTEXT_OVERHEAD)), decipher.final()]);
  } catch {
    return undefined;
  }
};
