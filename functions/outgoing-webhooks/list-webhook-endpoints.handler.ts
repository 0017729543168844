import { endpointView } from '../../lib/outgoing-webhooks/endpoint.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { endpointReadDeps } from '../shared/outgoing-webhook-deps.ts';
import { listWebhookEndpointsRoute } from './webhook-endpoint.routes.ts';

export const handler = httpHandler(listWebhookEndpointsRoute, async ({ principal, query }) => {
  const deps = endpointReadDeps();
  const page = await deps.endpoints.page(principal.workspaceId, query);
  const now = deps.clock.now();
  return ok({
    endpoints: page.endpoints.map((e) => endpointView(e, now)),
    ...(page.next ? { next: page.next } : {}),
  });
});
