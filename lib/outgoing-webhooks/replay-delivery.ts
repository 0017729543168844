/**
 * Reading an endpoint's deliveries, and replaying one: a dead (or delivered) delivery starts again as
 * a fresh attempt with a new retry window, through a `webhook-retry` timer due now (the delivery path
 * sends it, never the API). A delivery still on its way cannot be replayed (409).
 */
import type { Clock } from '../shared/clock.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import type { Timers } from '../timers/timers.ts';
import { retryTimerId } from './attempt-delivery.ts';
import { deliveryTtl } from './deliver-event.ts';
import type { DeliveriesRepository } from './deliveries.repository.ts';
import type { Delivery, DeliveryStatus } from './delivery.schema.ts';
import type { EndpointsRepository } from './endpoints.repository.ts';
import { getEndpoint } from './manage-endpoints.ts';

export interface DeliveryReadDeps {
  readonly endpoints: EndpointsRepository;
  readonly deliveries: DeliveriesRepository;
}

export interface ReplayDeps extends DeliveryReadDeps {
  readonly timers: Pick<Timers, 'set'>;
  readonly clock: Clock;
}

export const listDeliveries = async (
  workspaceId: string,
  endpointId: string,
  options: { readonly limit: number; readonly cursor?: string | undefined; readonly status?: DeliveryStatus },
  deps: DeliveryReadDeps,
) => {
  await getEndpoint(workspaceId, endpointId, deps);
  return deps.deliveries.page(workspaceId, endpointId, options);
};

export const replayDelivery = async (
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
  deps: ReplayDeps,
): Promise<Delivery> => {
  const endpoint = await getEndpoint(workspaceId, endpointId, deps);
  const delivery = await deps.deliveries.get(workspaceId, endpointId, deliveryId);
  if (!delivery) throw new NotFoundError(`no delivery ${deliveryId} for webhook endpoint ${endpointId}`);
  if (delivery.status !== 'dead' && delivery.status !== 'delivered')
    throw new ConflictError(`delivery ${deliveryId} is ${delivery.status}: it is still on its way`);
  if (endpoint.status !== 'enabled')
    throw new ConflictError(`webhook endpoint ${endpointId} is disabled: enable it first`);
  const now = deps.clock.now();
  if (!(await deps.deliveries.restart(delivery, now, deliveryTtl(now))))
    throw new ConflictError(`delivery ${deliveryId} changed meanwhile, read it again`);
  const attempt = delivery.claimed + 1;
  await deps.timers.set(workspaceId, 'webhook-retry', retryTimerId(delivery, attempt), now, {
    endpointId,
    deliveryId,
    attempt,
  });
  const { deadAt: _dead, deliveredAt: _delivered, ...rest } = delivery;
  return { ...rest, status: 'pending', windowStart: now.toISOString(), nextAttemptAt: now.toISOString() };
};
