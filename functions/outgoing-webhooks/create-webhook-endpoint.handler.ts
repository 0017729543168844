import { endpointView } from '../../lib/outgoing-webhooks/endpoint.schema.ts';
import { createEndpoint } from '../../lib/outgoing-webhooks/manage-endpoints.ts';
import { created, httpHandler } from '../shared/http-handler.ts';
import { endpointDeps } from '../shared/outgoing-webhook-deps.ts';
import { createWebhookEndpointRoute } from './webhook-endpoint.routes.ts';

export const handler = httpHandler(createWebhookEndpointRoute, async ({ principal, body }) => {
  const deps = endpointDeps();
  const { endpoint, secret } = await createEndpoint(principal.workspaceId, body, deps);
  return created({ endpoint: endpointView(endpoint, deps.clock.now()), secret });
});
