import { listQuarantine } from '../../lib/webhooks/quarantine.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { quarantineDeps } from '../shared/storefront-store-deps.ts';
import { listQuarantineRoute } from './webhook.routes.ts';

export const handler = httpHandler(listQuarantineRoute, async ({ principal, params, query }) =>
  ok(await listQuarantine(principal.workspaceId, params.connectionId, query, quarantineDeps())),
);
