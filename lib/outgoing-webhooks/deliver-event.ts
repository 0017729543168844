/**
 * A domain event reaches the workspace's endpoints: one delivery per enabled endpoint subscribed to
 * its type, created once (keyed by endpoint and event id) with its first attempt claimed in the same
 * write, then attempted at once. The same event delivered again (the bus and SQS redeliver), even in
 * parallel, finds the delivery there: it only takes over an attempt abandoned by a crash.
 * `deliverEventTo` sends one event to one named endpoint the same way (a journey's webhook step).
 */
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { type AttemptDeps, type AttemptResult, attemptDelivery } from './attempt-delivery.ts';
import { DELIVERY_LIMITS, type Delivery } from './delivery.schema.ts';
import type { Endpoint } from './endpoint.schema.ts';
import { isSubscribable } from './subscribable-events.ts';

export interface DeliverDeps extends AttemptDeps {
  /** The workspace's endpoints (read once per batch of events). */
  readonly endpointsOf: (workspaceId: string) => Promise<readonly Endpoint[]>;
}

/** The body every attempt sends and signs: the domain event, unpacked. */
export const deliveryBody = (event: DomainEvent): string =>
  JSON.stringify({
    id: event.id,
    type: event.type,
    version: event.version,
    occurredAt: event.occurredAt,
    workspaceId: event.workspaceId,
    data: event.data,
  });

export const deliveryTtl = (from: Date): number =>
  Math.floor(from.getTime() / 1000) + DELIVERY_LIMITS.retentionDays * 86_400;

/** One event to one endpoint: its delivery created once, the first attempt made by its creator. */
const deliverTo = async (event: DomainEvent, endpoint: Endpoint, body: string, deps: DeliverDeps) => {
  const now = deps.clock.now();
  const at = now.toISOString();
  const delivery: Delivery = {
    type: 'webhookDelivery',
    v: 1,
    workspaceId: event.workspaceId,
    endpointId: endpoint.id,
    id: event.id,
    eventType: event.type,
    body,
    status: 'pending',
    claimed: 1,
    claimedAt: at,
    attemptCount: 0,
    attempts: [],
    windowStart: at,
    createdAt: at,
    ttl: deliveryTtl(now),
  };
  const created = await deps.deliveries.createOnce(delivery);
  return attemptDelivery(delivery, 1, deps, created ? delivery : undefined);
};

export const deliverEvent = async (event: DomainEvent, deps: DeliverDeps): Promise<AttemptResult[]> => {
  if (!isSubscribable(event.type)) return [];
  const type = event.type;
  const targets = (await deps.endpointsOf(event.workspaceId)).filter(
    (e) => e.status === 'enabled' && e.eventTypes.includes(type),
  );
  if (targets.length === 0) return [];
  const body = deliveryBody(event);
  return Promise.all(targets.map((endpoint) => deliverTo(event, endpoint, body, deps)));
};

/**
 * An event to one named endpoint of its workspace, whatever the endpoint subscribed to (a journey's
 * `webhook` step): signed, retried and dead-lettered like any delivery, once per event id. Undefined
 * when the workspace has no such enabled endpoint.
 */
export const deliverEventTo = async (
  event: DomainEvent,
  endpointId: string,
  deps: DeliverDeps,
): Promise<AttemptResult | undefined> => {
  const endpoint = await deps.endpointOf(event.workspaceId, endpointId);
  if (endpoint?.status !== 'enabled') return undefined;
  return deliverTo(event, endpoint, deliveryBody(event), deps);
};
