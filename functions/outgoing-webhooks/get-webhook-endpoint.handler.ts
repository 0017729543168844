import { endpointView } from '../../lib/outgoing-webhooks/endpoint.schema.ts';
import { getEndpoint } from '../../lib/outgoing-webhooks/manage-endpoints.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { endpointReadDeps } from '../shared/outgoing-webhook-deps.ts';
import { getWebhookEndpointRoute } from './webhook-endpoint.routes.ts';

export const handler = httpHandler(getWebhookEndpointRoute, async ({ principal, params }) => {
  const deps = endpointReadDeps();
  const endpoint = await getEndpoint(principal.workspaceId, params.endpointId, deps);
  return ok(endpointView(endpoint, deps.clock.now()));
});
