import { httpHandler, noContent } from '../shared/http-handler.ts';
import { connectionsOnly } from '../shared/storefront-store-deps.ts';
import { deleteConnectionRoute } from './webhook.routes.ts';

export const handler = httpHandler(deleteConnectionRoute, async ({ principal, params }) => {
  await connectionsOnly().connections.remove(principal.workspaceId, params.connectionId);
  return noContent();
});
