import { issueApiKey } from '../../lib/workspaces/api-keys.ts';
import { apiKeyView } from '../../lib/workspaces/workspace.schema.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { created, httpHandler } from '../shared/http-handler.ts';
import { issueKeyRoute } from './workspace.routes.ts';

export const handler = httpHandler(issueKeyRoute, async ({ principal, body }) => {
  const { key, token } = await issueApiKey({ workspaceId: principal.workspaceId, ...body }, contactDeps());
  return created({ key: apiKeyView(key), token });
});
