import { deliveryView } from '../../lib/outgoing-webhooks/delivery.schema.ts';
import { listDeliveries } from '../../lib/outgoing-webhooks/replay-delivery.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { endpointReadDeps } from '../shared/outgoing-webhook-deps.ts';
import { listWebhookDeliveriesRoute } from './webhook-endpoint.routes.ts';

export const handler = httpHandler(listWebhookDeliveriesRoute, async ({ principal, params, query }) => {
  const page = await listDeliveries(principal.workspaceId, params.endpointId, query, endpointReadDeps());
  return ok({ deliveries: page.deliveries.map(deliveryView), ...(page.next ? { next: page.next } : {}) });
});
