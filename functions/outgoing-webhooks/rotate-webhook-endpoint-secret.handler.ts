import { endpointView } from '../../lib/outgoing-webhooks/endpoint.schema.ts';
import { rotateEndpointSecret } from '../../lib/outgoing-webhooks/manage-endpoints.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { endpointDeps } from '../shared/outgoing-webhook-deps.ts';
import { rotateWebhookEndpointSecretRoute } from './webhook-endpoint.routes.ts';

export const handler = httpHandler(rotateWebhookEndpointSecretRoute, async ({ principal, params, body }) => {
  const deps = endpointDeps();
  const { endpoint, secret } = await rotateEndpointSecret(
    principal.workspaceId,
    params.endpointId,
    body,
    deps,
  );
  return ok({ endpoint: endpointView(endpoint, deps.clock.now()), secret });
});
