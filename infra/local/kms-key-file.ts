/**
 * The local KMS key of a persistent local stack (`npm start -- --data <dir>`): kept next to the DynamoDB
 * data it encrypted, so secrets stored in one run still decrypt in the next. Without a data folder the
 * table lives in memory and a random key per process is right.
 *
 * Local-only material, never an AWS key: the file is written for the owner only and lives in the data folder.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { isKeyId, KEY_MATERIAL_BYTES } from './kms-ciphertext.ts';

export const KMS_KEY_FILE = 'local-kms-key.json';

const keyFileSchema = z.object({
  keyId: z.string().refine(isKeyId, 'a lower-case UUID'),
  material: z
    .base64()
    .refine((s) => Buffer.from(s, 'base64').length === KEY_MATERIAL_BYTES, `${KEY_MATERIAL_BYTES} bytes`),
});

export interface PersistedKmsKey {
  readonly keyId: string;
  readonly keyMaterial: Buffer;
}

/** Reads `<dataPath>/local-kms-key.json`, creating it with a new random key the first time. */
export const loadOrCreateKmsKey = (dataPath: string): PersistedKmsKey => {
  const file = join(dataPath, KMS_KEY_FILE);
  if (existsSync(file)) {
    const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a local KMS key file: ${parsed.error.message}`);
    return { keyId: parsed.data.keyId, keyMaterial: Buffer.from(parsed.data.material, 'base64') };
  }
  const key = { keyId: randomUUID(), keyMaterial: randomBytes(KEY_MATERIAL_BYTES) };
  mkdirSync(dataPath, { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ keyId: key.keyId, material: key.keyMaterial.toString('base64') })}\n`,
    {
      mode: 0o600,
      flag: 'wx',
    },
  );
  return key;
};
