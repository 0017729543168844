/**
 * Connecting a storefront: its signing secret is sealed (KMS) before it is stored and never shown
 * again, except a generic connection's secret, which ecrm makes and shows once. A rotation keeps the
 * previous secret valid for a grace period, so deliveries signed during the switch still verify.
 */
import type * as z from 'zod';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import { newId, randomToken } from '../shared/ids.ts';
import {
  CONNECTION_LIMITS,
  type Connection,
  type createConnectionBody,
  type rotateSecretBody,
} from './connection.schema.ts';
import type { ConnectionsRepository } from './connections.repository.ts';
import type { SecretBox } from './secret-box.ts';

export interface ConnectionDeps {
  readonly connections: ConnectionsRepository;
  readonly secrets: SecretBox;
  readonly clock: Clock;
}

const seal = async (
  secret: string,
  workspaceId: string,
  connectionId: string,
  at: string,
  deps: ConnectionDeps,
) => ({
  id: newId('sec', new Date(at)),
  sealed: await deps.secrets.seal(secret, { workspaceId, connectionId }),
  hint: secret.slice(-4),
  createdAt: at,
});

export const createConnection = async (
  workspaceId: string,
  input: z.output<typeof createConnectionBody>,
  deps: ConnectionDeps,
): Promise<{ connection: Connection; secret?: string }> => {
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = newId('cn', now);
  const generated = input.secret === undefined ? `ecrm_whsec_${randomToken(32)}` : undefined;
  const secret = input.secret ?? generated ?? '';
  const connection: Connection = {
    type: 'connection',
    v: 1,
    id,
    workspaceId,
    kind: input.kind,
    name: input.name,
    secrets: [await seal(secret, workspaceId, id, at, deps)],
    settings: {
      abandonedCheckoutMinutes:
        input.settings?.abandonedCheckoutMinutes ?? CONNECTION_LIMITS.defaultAbandonedCheckoutMinutes,
    },
    createdAt: at,
    updatedAt: at,
  };
  await deps.connections.put(connection);
  return generated ? { connection, secret: generated } : { connection };
};

export const getConnection = async (
  workspaceId: string,
  connectionId: string,
  deps: Pick<ConnectionDeps, 'connections'>,
): Promise<Connection> => {
  const connection = await deps.connections.get(workspaceId, connectionId);
  if (!connection) throw new NotFoundError(`no connection ${connectionId}`);
  return connection;
};

/** Add a new secret; the current ones expire after the grace period; expired ones are dropped. */
export const rotateSecret = async (
  workspaceId: string,
  connectionId: string,
  input: z.output<typeof rotateSecretBody>,
  deps: ConnectionDeps,
): Promise<{ connection: Connection; secret?: string }> => {
  const current = await getConnection(workspaceId, connectionId, deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  const graceEnds = new Date(now.getTime() + input.graceHours * 3600_000).toISOString();
  const generated = input.secret === undefined ? `ecrm_whsec_${randomToken(32)}` : undefined;
  const fresh = await seal(input.secret ?? generated ?? '', workspaceId, connectionId, at, deps);
  const kept = current.secrets
    .filter((s) => s.expiresAt === undefined || s.expiresAt > at)
    .map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < graceEnds ? s.expiresAt : graceEnds }));
  const secrets = [fresh, ...kept].slice(0, CONNECTION_LIMITS.secrets);
  const connection: Connection = { ...current, secrets, updatedAt: at };
  await deps.connections.put(connection, current.updatedAt);
  return generated ? { connection, secret: generated } : { connection };
};

/** The secrets that verify deliveries now, opened. */
export const activeSecrets = async (
  connection: Connection,
  now: Date,
  secrets: SecretBox,
): Promise<{ id: string; secret: string }[]> => {
  const at = now.toISOString();
  const live = connection.secrets.filter((s) => s.expiresAt === undefined || s.expiresAt > at);
  return Promise.all(
    live.map(async (s) => ({
      id: s.id,
      secret: await secrets.open(s.sealed, {
        workspaceId: connection.workspaceId,
        connectionId: connection.id,
      }),
    })),
  );
};
