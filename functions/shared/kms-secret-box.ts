/**
 * Connection secrets sealed with KMS under the secrets key, the workspace and connection bound as
 * encryption context (a sealed secret moved to another connection does not open).
 */
import type { KmsApi } from '../../lib/shared/aws/kms.ts';
import type { SecretBox, SecretContext } from '../../lib/webhooks/secret-box.ts';

const context = (c: SecretContext) => ({ workspaceId: c.workspaceId, connectionId: c.connectionId });

export const kmsSecretBox = (kms: KmsApi, keyId: string): SecretBox => ({
  async seal(plaintext, ctx) {
    const { CiphertextBlob } = await kms.encrypt({
      KeyId: keyId,
      Plaintext: Buffer.from(plaintext, 'utf8'),
      EncryptionContext: context(ctx),
    });
    return Buffer.from(CiphertextBlob).toString('base64');
  },
  async open(sealed, ctx) {
    // No KeyId: the blob names its key, so secrets sealed under a replaced key still open.
    const { Plaintext } = await kms.decrypt({
      CiphertextBlob: Buffer.from(sealed, 'base64'),
      EncryptionContext: context(ctx),
    });
    return Buffer.from(Plaintext).toString('utf8');
  },
});
