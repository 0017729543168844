import { toConnectionView } from '../../lib/webhooks/connection.schema.ts';
import { createConnection } from '../../lib/webhooks/manage-connections.ts';
import { created, httpHandler } from '../shared/http-handler.ts';
import { connectionDeps } from '../shared/storefront-secret-deps.ts';
import { createConnectionRoute } from './webhook.routes.ts';

export const handler = httpHandler(createConnectionRoute, async ({ principal, body }) => {
  const { connection, secret } = await createConnection(principal.workspaceId, body, connectionDeps());
  return created({ connection: toConnectionView(connection), ...(secret ? { secret } : {}) });
});
