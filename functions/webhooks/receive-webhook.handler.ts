/** The public webhook endpoint: verify, store once, answer 200; processing runs behind the bus. */
import { receiveDelivery } from '../../lib/webhooks/receive-delivery.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { receiveDeps } from '../shared/storefront-secret-deps.ts';
import { receiveWebhookRoute } from './receive-webhook.routes.ts';

export const handler = httpHandler(receiveWebhookRoute, async ({ params, headers, rawBody }) =>
  ok(
    await receiveDelivery(params.workspaceId, params.connectionId, { body: rawBody, headers }, receiveDeps()),
  ),
);
