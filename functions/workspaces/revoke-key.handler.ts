import { revokeApiKey } from '../../lib/workspaces/api-keys.ts';
import { apiKeyView } from '../../lib/workspaces/workspace.schema.ts';
import { contactDeps } from '../shared/deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { revokeKeyRoute } from './workspace.routes.ts';

export const handler = httpHandler(revokeKeyRoute, async ({ principal, params }) =>
  ok(apiKeyView(await revokeApiKey(principal.workspaceId, params.keyId, contactDeps()))),
);
