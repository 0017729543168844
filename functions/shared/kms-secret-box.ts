/**
 * Connection secrets sealed with KMS under the secrets key, the workspace and connection bound as
 * encryption context (a sealed secret moved to another connection does not open).
 */
import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { SecretBox, SecretContext } from '../../lib/webhooks/secret-box.ts';

const context = (c: SecretContext) => ({ workspaceId: c.workspaceId, connectionId: c.connectionId });

export const kmsSecretBox = (client: KMSClient, keyId: string): SecretBox => ({
  async seal(plaintext, ctx) {
    const { CiphertextBlob } = await client.send(
      new EncryptCommand({
        KeyId: keyId,
        Plaintext: Buffer.from(plaintext, 'utf8'),
        EncryptionContext: context(ctx),
      }),
    );
    if (!CiphertextBlob) throw new Error('KMS returned no ciphertext');
    return Buffer.from(CiphertextBlob).toString('base64');
  },
  async open(sealed, ctx) {
    const { Plaintext } = await client.send(
      // No KeyId: the blob names its key, so secrets sealed under a replaced key still open.
      new DecryptCommand({ CiphertextBlob: Buffer.from(sealed, 'base64'), EncryptionContext: context(ctx) }),
    );
    if (!Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(Plaintext).toString('utf8');
  },
});
