import { exportContact } from '../../lib/contacts/export-contact.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { timelineDeps } from '../shared/timeline-deps.ts';
import { exportContactRoute } from './contact.routes.ts';

export const handler = httpHandler(exportContactRoute, async ({ principal, params }) =>
  ok(await exportContact(principal.workspaceId, params.contactId, timelineDeps())),
);
