/**
 * Behind the bus: a stored delivery becomes contact, order and refund changes. A body that does not
 * parse, or does not have the shape its topic promises, is quarantined (kept, announced, alarmed)
 * rather than retried: a retry cannot fix it, and failing the shop's delivery would get the
 * subscription deleted. Each change is idempotent, so a redelivered event re-applies harmlessly.
 */
import { applyCheckout, type CheckoutDeps, completeCheckout } from '../orders/abandoned-checkouts.ts';
import { applyOrder, applyRefund, type OrderDeps } from '../orders/apply-order.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { applyCustomer } from './apply-customer.ts';
import type { Connection } from './connection.schema.ts';
import type { ConnectionsRepository } from './connections.repository.ts';
import type { DeliveriesRepository, Delivery } from './deliveries.repository.ts';
import { answerDataRequest, type PrivacyDeps, redactCustomer, redactShop } from './privacy-requests.ts';
import { MappingError, type StorefrontChange } from './storefront-change.ts';
import { parseWebhookJson } from './verify/webhook-json.ts';

/** Turns a parsed payload into changes (lib/webhooks/mappers). */
export type MapPayload = (
  provider: Connection['kind'],
  topic: string,
  payload: unknown,
) => StorefrontChange[];

export interface ProcessDeps extends OrderDeps, CheckoutDeps, PrivacyDeps {
  readonly connections: ConnectionsRepository;
  readonly deliveries: DeliveriesRepository;
  readonly map: MapPayload;
}

export type ProcessResult =
  | { readonly status: 'processed'; readonly applied: readonly string[]; readonly ignored: readonly string[] }
  | { readonly status: 'quarantined'; readonly reason: string }
  | { readonly status: 'skipped'; readonly reason: string };

const quarantine = async (delivery: Delivery, reason: string, deps: ProcessDeps): Promise<ProcessResult> => {
  const event = domainEvent(
    'webhook.quarantined',
    delivery.workspaceId,
    { connectionId: delivery.connectionId, deliveryId: delivery.deliveryId, topic: delivery.topic, reason },
    deps.clock,
  );
  await deps.deliveries.quarantine(delivery, reason, event, Math.floor(deps.clock.now().getTime() / 1000));
  return { status: 'quarantined', reason };
};

const apply = async (
  delivery: Delivery,
  connection: Connection,
  change: StorefrontChange,
  deps: ProcessDeps,
): Promise<string> => {
  const ws = delivery.workspaceId;
  switch (change.kind) {
    case 'customer':
      return `customer ${(await applyCustomer(ws, connection, change.customer, 'authoritative', deps)).outcome}`;
    case 'order': {
      const outcome = await applyOrder(ws, connection, change.order, deps);
      if (change.order.checkoutId) await completeCheckout(ws, connection.id, change.order.checkoutId, deps);
      return `order ${outcome}`;
    }
    case 'checkout':
      return `checkout ${await applyCheckout(ws, connection, change.checkout, deps)}`;
    case 'refund':
      return `refund ${await applyRefund(ws, connection, change.refund, deps)}`;
    case 'redact-customer':
      return `redact ${await redactCustomer(ws, connection.id, change.customer, deps)}`;
    case 'redact-shop':
      return `shop redact erased ${await redactShop(ws, connection.id, deps)}`;
    case 'data-request': {
      const exportId = await answerDataRequest(ws, connection.id, change.customer, change.requestId, deps);
      return exportId ? `data request exported ${exportId}` : 'data request: nothing held';
    }
    case 'ignored':
      return `ignored ${change.reason}`;
  }
};

export const processDelivery = async (
  workspaceId: string,
  connectionId: string,
  deliveryId: string,
  deps: ProcessDeps,
): Promise<ProcessResult> => {
  const delivery = await deps.deliveries.get(workspaceId, connectionId, deliveryId);
  if (!delivery) return { status: 'skipped', reason: 'delivery expired or unknown' };
  if (delivery.status !== 'received') return { status: 'skipped', reason: `already ${delivery.status}` };
  const connection = await deps.connections.get(workspaceId, connectionId);
  if (!connection) return { status: 'skipped', reason: 'connection deleted' };

  const body = deps.deliveries.body(delivery);
  if (!body) return { status: 'skipped', reason: 'body no longer kept' };
  let payload: unknown;
  try {
    payload = parseWebhookJson(body);
  } catch (error) {
    return quarantine(
      delivery,
      `body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      deps,
    );
  }
  let changes: StorefrontChange[];
  try {
    changes = deps.map(connection.kind, delivery.topic, payload);
  } catch (error) {
    if (error instanceof MappingError) return quarantine(delivery, `${error.path}: ${error.message}`, deps);
    throw error;
  }
  const applied: string[] = [];
  try {
    for (const change of changes) applied.push(await apply(delivery, connection, change, deps));
  } catch (error) {
    // Only knowable against stored state (a refund priced in its order's currency): no retry fixes it.
    if (error instanceof MappingError) return quarantine(delivery, `${error.path}: ${error.message}`, deps);
    throw error;
  }
  await deps.deliveries.markProcessed(delivery);
  return {
    status: 'processed',
    applied: applied.filter((a) => !a.startsWith('ignored')),
    ignored: applied.filter((a) => a.startsWith('ignored')),
  };
};
