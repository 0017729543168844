import { eraseContact } from '../../lib/contacts/erase-contact.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { eraseContactRoute } from './contact.routes.ts';

export const handler = httpHandler(eraseContactRoute, async ({ principal, params }) => {
  const { itemsDeleted } = await eraseContact(principal.workspaceId, params.contactId, contactDeps());
  return ok({ erased: true, itemsDeleted });
});
