import { toView } from '../../lib/contacts/contact.schema.ts';
import { getContact } from '../../lib/contacts/read-contacts.ts';
import { contactDeps } from '../shared/deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getContactRoute } from './contact.routes.ts';

export const handler = httpHandler(getContactRoute, async ({ principal, params }) =>
  ok(toView(await getContact(principal.workspaceId, params.contactId, contactDeps()))),
);
