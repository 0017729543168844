import { toConnectionView } from '../../lib/webhooks/connection.schema.ts';
import { getConnection } from '../../lib/webhooks/manage-connections.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { connectionsOnly } from '../shared/storefront-store-deps.ts';
import { getConnectionRoute } from './webhook.routes.ts';

export const handler = httpHandler(getConnectionRoute, async ({ principal, params }) =>
  ok(toConnectionView(await getConnection(principal.workspaceId, params.connectionId, connectionsOnly()))),
);
