import { endpointView } from '../../lib/outgoing-webhooks/endpoint.schema.ts';
import { updateEndpoint } from '../../lib/outgoing-webhooks/manage-endpoints.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { endpointEditDeps } from '../shared/outgoing-webhook-deps.ts';
import { updateWebhookEndpointRoute } from './webhook-endpoint.routes.ts';

export const handler = httpHandler(updateWebhookEndpointRoute, async ({ principal, params, body }) => {
  const deps = endpointEditDeps();
  const endpoint = await updateEndpoint(principal.workspaceId, params.endpointId, body, deps);
  return ok(endpointView(endpoint, deps.clock.now()));
});
