import { toView } from '../../lib/contacts/contact.schema.ts';
import { updateContact } from '../../lib/contacts/update-contact.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { updateContactRoute } from './contact.routes.ts';

export const handler = httpHandler(updateContactRoute, async ({ principal, params, body }) => {
  const result = await updateContact(principal.workspaceId, params.contactId, body, contactDeps());
  return ok({ contact: toView(result.contact), changed: result.changed });
});
