import { deliveryView } from '../../lib/outgoing-webhooks/delivery.schema.ts';
import { replayDelivery } from '../../lib/outgoing-webhooks/replay-delivery.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { replayDeps } from '../shared/outgoing-webhook-deps.ts';
import { replayWebhookDeliveryRoute } from './webhook-endpoint.routes.ts';

export const handler = httpHandler(replayWebhookDeliveryRoute, async ({ principal, params }) => {
  const delivery = await replayDelivery(
    principal.workspaceId,
    params.endpointId,
    params.deliveryId,
    replayDeps(),
  );
  return { status: 202, body: deliveryView(delivery) };
});
