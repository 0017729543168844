import { exportContact } from '../../lib/contacts/export-contact.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { exportContactRoute } from './contact.routes.ts';

export const handler = httpHandler(exportContactRoute, async ({ principal, params }) =>
  ok(await exportContact(principal.workspaceId, params.contactId, contactDeps())),
);
