import { logInteraction } from '../../lib/events/log-interaction.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { created, httpHandler } from '../shared/http-handler.ts';
import { logInteractionRoute } from './event.routes.ts';

export const handler = httpHandler(logInteractionRoute, async ({ principal, params, body }) =>
  created(await logInteraction(principal.workspaceId, params.contactId, body, contactDeps())),
);
