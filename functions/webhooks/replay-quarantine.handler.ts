import { replayAll, replayDelivery } from '../../lib/webhooks/quarantine.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { quarantineDeps } from '../shared/storefront-store-deps.ts';
import { replayQuarantineRoute } from './webhook.routes.ts';

export const handler = httpHandler(replayQuarantineRoute, async ({ principal, params, body }) => {
  const result = body.deliveryId
    ? await replayDelivery(principal.workspaceId, params.connectionId, body.deliveryId, quarantineDeps())
    : await replayAll(principal.workspaceId, params.connectionId, quarantineDeps());
  return { status: 202, body: result };
});
