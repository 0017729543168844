/**
 * The link key sealed with KMS under the secrets key, with an encryption context naming its purpose and
 * id (a sealed connection secret cannot pass for it, nor the reverse).
 */
import type { KmsApi } from '../../lib/shared/aws/kms.ts';
import type { LinkKeyBox } from '../../lib/subscriptions/link-key.ts';

const context = (kid: string) => ({ purpose: 'ecrm-link-key', kid });

export const kmsLinkKeyBox = (kms: KmsApi, keyId: string): LinkKeyBox => ({
  async seal(secret, kid) {
    const { CiphertextBlob } = await kms.encrypt({
      KeyId: keyId,
      Plaintext: secret,
      EncryptionContext: context(kid),
    });
    return Buffer.from(CiphertextBlob).toString('base64');
  },
  async open(sealed, kid) {
    const { Plaintext } = await kms.decrypt({
      CiphertextBlob: Buffer.from(sealed, 'base64'),
      EncryptionContext: context(kid),
    });
    return Buffer.from(Plaintext);
  },
});
