import { revokeApiKey } from '../../lib/workspaces/api-keys.ts';
import { apiKeyView } from '../../lib/workspaces/workspace.schema.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { keyAuthenticator } from '../shared/deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { revokeKeyRoute } from './workspace.routes.ts';

export const handler = httpHandler(revokeKeyRoute, async ({ principal, params }) => {
  const key = await revokeApiKey(principal.workspaceId, params.keyId, contactDeps());
  // Other containers notice within the key cache's 30 s; this one at once.
  keyAuthenticator().forget(principal.workspaceId, params.keyId);
  return ok(apiKeyView(key));
});
