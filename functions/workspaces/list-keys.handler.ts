import { apiKeyView } from '../../lib/workspaces/workspace.schema.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { listKeysRoute } from './workspace.routes.ts';

export const handler = httpHandler(listKeysRoute, async ({ principal }) =>
  ok({ keys: (await contactDeps().workspaces.listKeys(principal.workspaceId)).map(apiKeyView) }),
);
