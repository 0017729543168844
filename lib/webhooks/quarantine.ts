/**
 * Quarantined deliveries, for a person to look at and replay after a fix (a mapper corrected, an
 * order that now exists). A replay puts the delivery back through the one processing path
 * (`webhook.received` → processDelivery), so a delivery whose effect is already in place changes
 * nothing, and one that still cannot be understood is quarantined again with its new reason.
 */
import type { Clock } from '../shared/clock.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import type { ConnectionsRepository } from './connections.repository.ts';
import type { DeliveriesRepository, Delivery } from './deliveries.repository.ts';

export interface QuarantineDeps {
  readonly connections: ConnectionsRepository;
  readonly deliveries: DeliveriesRepository;
  readonly clock: Clock;
}

export interface QuarantinedView {
  readonly deliveryId: string;
  readonly topic: string;
  readonly receivedAt: string;
  readonly quarantinedAt: string;
  readonly reason: string;
}

/** At most this many deliveries are put back per call; the answer says when more wait. */
export const REPLAY_BATCH = 500;

const view = (d: Delivery): QuarantinedView => ({
  deliveryId: d.deliveryId,
  topic: d.topic,
  receivedAt: d.receivedAt,
  quarantinedAt: d.quarantinedAt ?? d.receivedAt,
  reason: d.reason ?? '',
});

const requireConnection = async (workspaceId: string, connectionId: string, deps: QuarantineDeps) => {
  if (!(await deps.connections.get(workspaceId, connectionId)))
    throw new NotFoundError(`no connection ${connectionId}`);
};

export const listQuarantine = async (
  workspaceId: string,
  connectionId: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
  deps: QuarantineDeps,
): Promise<{ deliveries: QuarantinedView[]; next?: string }> => {
  await requireConnection(workspaceId, connectionId, deps);
  const { deliveries, next } = await deps.deliveries.listQuarantined(
    workspaceId,
    connectionId,
    page.limit,
    page.cursor,
  );
  const quarantined = deliveries.filter((d) => d.status === 'quarantined').map(view);
  return next ? { deliveries: quarantined, next } : { deliveries: quarantined };
};

const replayOne = (delivery: Delivery, deps: QuarantineDeps): Promise<boolean> =>
  deps.deliveries.replay(
    delivery,
    domainEvent(
      'webhook.received',
      delivery.workspaceId,
      {
        connectionId: delivery.connectionId,
        provider: delivery.provider,
        deliveryId: delivery.deliveryId,
        topic: delivery.topic,
      },
      deps.clock,
    ),
  );

export const replayDelivery = async (
  workspaceId: string,
  connectionId: string,
  deliveryId: string,
  deps: QuarantineDeps,
): Promise<{ replayed: number; more: boolean }> => {
  await requireConnection(workspaceId, connectionId, deps);
  const delivery = await deps.deliveries.get(workspaceId, connectionId, deliveryId);
  if (!delivery) throw new NotFoundError(`no delivery ${deliveryId} on connection ${connectionId}`);
  if (delivery.status !== 'quarantined' || !(await replayOne(delivery, deps)))
    throw new ConflictError(`delivery ${deliveryId} is not quarantined (it is ${delivery.status})`);
  return { replayed: 1, more: false };
};

export const replayAll = async (
  workspaceId: string,
  connectionId: string,
  deps: QuarantineDeps,
): Promise<{ replayed: number; more: boolean }> => {
  await requireConnection(workspaceId, connectionId, deps);
  let replayed = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.deliveries.listQuarantined(workspaceId, connectionId, 100, cursor);
    for (const d of page.deliveries) {
      if (replayed >= REPLAY_BATCH) return { replayed, more: true };
      if (d.status === 'quarantined' && (await replayOne(d, deps))) replayed += 1;
    }
    cursor = page.next;
  } while (cursor);
  return { replayed, more: false };
};
