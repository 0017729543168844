import { toConnectionView } from '../../lib/webhooks/connection.schema.ts';
import { rotateSecret } from '../../lib/webhooks/manage-connections.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { connectionDeps } from '../shared/storefront-secret-deps.ts';
import { rotateSecretRoute } from './webhook.routes.ts';

export const handler = httpHandler(rotateSecretRoute, async ({ principal, params, body }) => {
  const { connection, secret } = await rotateSecret(
    principal.workspaceId,
    params.connectionId,
    body,
    connectionDeps(),
  );
  return ok({ connection: toConnectionView(connection), ...(secret ? { secret } : {}) });
});
