import { toView } from '../../lib/contacts/contact.schema.ts';
import { listContacts } from '../../lib/contacts/read-contacts.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { listContactsRoute } from './contact.routes.ts';

export const handler = httpHandler(listContactsRoute, async ({ principal, query }) => {
  const page = await listContacts(principal.workspaceId, query, contactDeps());
  return ok({ contacts: page.contacts.map((c) => toView(c)), ...(page.next ? { next: page.next } : {}) });
});
