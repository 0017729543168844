/**
 * Endpoint signing secrets: made by ecrm (`whsec_` and 32 random bytes), shown once, stored sealed
 * with the KMS secret box under the encryption context {workspaceId, connectionId: <endpoint id>} (an
 * endpoint id, `whe_…`, never collides with a storefront connection's), so a sealed secret copied to
 * another endpoint does not open. Opened secrets are kept in the container by their sealed form, so
 * an attempt costs no KMS call after the first.
 */
import { newId, randomToken } from '../shared/ids.ts';
import type { SecretBox } from '../webhooks/secret-box.ts';
import { type Endpoint, liveSecrets, type StoredSecret } from './endpoint.schema.ts';

export const newSecret = (): string => `whsec_${randomToken(32)}`;

export const sealSecret = async (
  secret: string,
  workspaceId: string,
  endpointId: string,
  at: Date,
  box: SecretBox,
): Promise<StoredSecret> => ({
  id: newId('whs', at),
  sealed: await box.seal(secret, { workspaceId, connectionId: endpointId }),
  hint: secret.slice(-4),
  createdAt: at.toISOString(),
});

const OPENED_LIMIT = 1000;
const opened = new Map<string, string>();

/** The secrets signing now, opened, newest first. */
export const openLiveSecrets = (endpoint: Endpoint, now: Date, box: SecretBox): Promise<string[]> =>
  Promise.all(
    liveSecrets(endpoint, now).map(async (s) => {
      const hit = opened.get(s.sealed);
      if (hit !== undefined) return hit;
      const plain = await box.open(s.sealed, {
        workspaceId: endpoint.workspaceId,
        connectionId: endpoint.id,
      });
      if (opened.size >= OPENED_LIMIT) opened.clear();
      opened.set(s.sealed, plain);
      return plain;
    }),
  );
