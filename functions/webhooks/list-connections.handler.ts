import { toConnectionView } from '../../lib/webhooks/connection.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { connectionsOnly } from '../shared/storefront-store-deps.ts';
import { listConnectionsRoute } from './webhook.routes.ts';

export const handler = httpHandler(listConnectionsRoute, async ({ principal }) =>
  ok({
    connections: (await connectionsOnly().connections.list(principal.workspaceId)).map(toConnectionView),
  }),
);
