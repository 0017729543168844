/** Reading contacts: by id, by email or external id, and page by page. */
import { NotFoundError } from '../shared/errors.ts';
import type { Contact } from './contact.schema.ts';
import type { ContactDeps } from './deps.ts';

export const getContact = async (
  workspaceId: string,
  contactId: string,
  deps: Pick<ContactDeps, 'contacts'>,
): Promise<Contact> => {
  const contact = await deps.contacts.get(workspaceId, contactId);
  if (!contact) throw new NotFoundError(`no contact ${contactId}`);
  return contact;
};

export const findContact = async (
  workspaceId: string,
  by: { email?: string | undefined; externalId?: string | undefined },
  deps: Pick<ContactDeps, 'contacts'>,
): Promise<Contact> => {
  const found = await deps.contacts.lookup(workspaceId, by);
  const lookup = by.email ? found.email : found.externalId;
  if (lookup?.type !== 'lookup') throw new NotFoundError('no contact with that identifier');
  return getContact(workspaceId, lookup.contactId, deps);
};

export const listContacts = (
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
  deps: Pick<ContactDeps, 'contacts'>,
) => deps.contacts.list(workspaceId, page.limit, page.cursor);
