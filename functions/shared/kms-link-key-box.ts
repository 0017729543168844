/**
 * The link key sealed with KMS under the secrets key, with an encryption context naming its purpose and
 * id (a sealed connection secret cannot pass for it, nor the reverse).
 */
import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { LinkKeyBox } from '../../lib/subscriptions/link-key.ts';

const context = (kid: string) => ({ purpose: 'ecrm-link-key', kid });

export const kmsLinkKeyBox = (client: KMSClient, keyId: string): LinkKeyBox => ({
  async seal(secret, kid) {
    const { CiphertextBlob } = await client.send(
      new EncryptCommand({ KeyId: keyId, Plaintext: secret, EncryptionContext: context(kid) }),
    );
    if (!CiphertextBlob) throw new Error('KMS returned no ciphertext');
    return Buffer.from(CiphertextBlob).toString('base64');
  },
  async open(sealed, kid) {
    const { Plaintext } = await client.send(
      new DecryptCommand({ CiphertextBlob: Buffer.from(sealed, 'base64'), EncryptionContext: context(kid) }),
    );
    if (!Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(Plaintext);
  },
});
