/**
 * The webhook hot path: find the connection, verify the signature over the exact bytes received,
 * store the delivery once, answer. Nothing is parsed before it is verified, and nothing heavy runs
 * here: processing happens behind the bus, so the shop gets its 2xx well inside its timeout.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import { PayloadTooLargeError, UnauthorizedError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import type { Connection, PROVIDERS } from './connection.schema.ts';
import type { ConnectionsRepository } from './connections.repository.ts';
import { type DeliveriesRepository, DeliveryTooLargeError, gzipBody } from './deliveries.repository.ts';
import { activeSecrets } from './manage-connections.ts';
import type { SecretBox } from './secret-box.ts';

export type VerifyOutcome =
  | { readonly ok: true; readonly ping: true }
  | {
      readonly ok: true;
      readonly ping?: false;
      readonly deliveryId?: string;
      readonly topic?: string;
      readonly secretId: string;
    }
  | { readonly ok: false; readonly reason: string };

/** Checks a delivery's signature for its provider (lib/webhooks/verify). */
export type Verify = (
  provider: (typeof PROVIDERS)[number],
  input: {
    readonly body: Buffer;
    readonly headers: Readonly<Record<string, string | undefined>>;
    readonly secrets: readonly { id: string; secret: string }[];
    readonly now: Date;
  },
) => VerifyOutcome;

export interface ReceiveDeps {
  readonly connections: ConnectionsRepository;
  readonly deliveries: DeliveriesRepository;
  readonly secrets: SecretBox;
  readonly verify: Verify;
  readonly clock: Clock;
}

export type ReceiveResult =
  | { readonly status: 'accepted'; readonly deliveryId: string }
  | { readonly status: 'duplicate'; readonly deliveryId: string }
  | { readonly status: 'ping' };

const CACHE_MS = 60_000;
const cache = new Map<
  string,
  { until: number; updatedAt: string; connection: Connection; secrets: { id: string; secret: string }[] }
>();

/** Connection and opened secrets, cached briefly so a burst of deliveries costs one read and one decrypt. */
const loadConnection = async (
  workspaceId: string,
  connectionId: string,
  deps: ReceiveDeps,
  fresh = false,
) => {
  const key = `${workspaceId}/${connectionId}`;
  const now = deps.clock.now();
  const hit = cache.get(key);
  if (hit && hit.until > Date.now() && !fresh) return { ...hit, cached: true };
  const connection = await deps.connections.get(workspaceId, connectionId);
  if (!connection) return undefined;
  const secrets =
    hit && hit.updatedAt === connection.updatedAt
      ? hit.secrets
      : await activeSecrets(connection, now, deps.secrets);
  const entry = {
    until: Date.now() + CACHE_MS,
    loadedAt: Date.now(),
    updatedAt: connection.updatedAt,
    connection,
    secrets,
  };
  cache.set(key, entry);
  return { ...entry, cached: false };
};

/** Forget cached connections (after a rotation in the same process, and in tests). */
export const forgetConnection = (workspaceId: string, connectionId: string) =>
  cache.delete(`${workspaceId}/${connectionId}`);

export const receiveDelivery = async (
  workspaceId: string,
  connectionId: string,
  request: { readonly body: Buffer; readonly headers: Readonly<Record<string, string | undefined>> },
  deps: ReceiveDeps,
): Promise<ReceiveResult> => {
  const loaded = await loadConnection(workspaceId, connectionId, deps);
  // One answer for an unknown connection and a bad signature: nothing to learn by probing.
  if (!loaded) throw new UnauthorizedError('signature does not verify');
  const now = deps.clock.now();
  const expired = loaded.connection.secrets.filter(
    (s) => s.expiresAt !== undefined && s.expiresAt <= now.toISOString(),
  );
  const secrets = loaded.secrets.filter((s) => !expired.some((e) => e.id === s.id));
  const outcome = deps.verify(loaded.connection.kind, {
    body: request.body,
    headers: request.headers,
    secrets,
    now,
  });
  if (!outcome.ok) throw new UnauthorizedError(`signature does not verify (${outcome.reason})`);
  if (outcome.ping) return { status: 'ping' };

  // A verified body without a delivery id (e.g. not JSON) is still stored once, by its content.
  const deliveryId =
    outcome.deliveryId ?? `sha256:${createHash('sha256').update(request.body).digest('hex')}`;
  const topic = outcome.topic ?? 'unknown';
  let packed: Buffer;
  try {
    packed = gzipBody(request.body);
  } catch (error) {
    if (error instanceof DeliveryTooLargeError) throw new PayloadTooLargeError(error.message);
    throw error;
  }
  const event = domainEvent(
    'webhook.received',
    workspaceId,
    { connectionId, provider: loaded.connection.kind, deliveryId, topic },
    deps.clock,
  );
  const stored = await deps.deliveries.putOnce(
    {
      workspaceId,
      connectionId,
      provider: loaded.connection.kind,
      deliveryId,
      topic,
      receivedAt: now.toISOString(),
      body: request.body,
    },
    packed,
    event,
    Math.floor(now.getTime() / 1000),
  );
  return { status: stored ? 'accepted' : 'duplicate', deliveryId };
};
