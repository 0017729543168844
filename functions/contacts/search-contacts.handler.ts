import { toView } from '../../lib/contacts/contact.schema.ts';
import { searchRepository } from '../../lib/contacts/search.repository.ts';
import { searchContacts } from '../../lib/contacts/search-contacts.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { once } from '../shared/deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { searchContactsRoute } from './contact.routes.ts';

const deps = once(() => ({
  contacts: contactDeps().contacts,
  search: searchRepository(contactDeps().table),
}));

export const handler = httpHandler(searchContactsRoute, async ({ principal, query }) => {
  const page = await searchContacts(principal.workspaceId, query, deps());
  return ok({ contacts: page.contacts.map((c) => toView(c)), ...(page.next ? { next: page.next } : {}) });
});
