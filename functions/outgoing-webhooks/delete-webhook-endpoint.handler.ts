import { deleteEndpoint } from '../../lib/outgoing-webhooks/manage-endpoints.ts';
import { httpHandler, noContent } from '../shared/http-handler.ts';
import { endpointReadDeps } from '../shared/outgoing-webhook-deps.ts';
import { deleteWebhookEndpointRoute } from './webhook-endpoint.routes.ts';

export const handler = httpHandler(deleteWebhookEndpointRoute, async ({ principal, params }) => {
  await deleteEndpoint(principal.workspaceId, params.endpointId, endpointReadDeps());
  return noContent();
});
