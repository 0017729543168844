/**
 * GDPR erasure: everything in the contact's partition goes, then its identifier lookups, and last the
 * contact itself with its search terms, replaced by hashed tombstones that keep the address
 * suppressed if it comes back. Each step is idempotent; a crash midway is finished by running the
 * erase again, and a change to the contact during the erase (its last step is conditional on the
 * contact read) makes it start over on the contact as it now is.
 */
import { NotFoundError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { type Key, keys } from '../shared/keys.ts';
import type { ContactDeps } from './deps.ts';
import { retryOnConflict } from './retry-on-conflict.ts';
import { searchTermsOf } from './search-terms.ts';

const isKey = (item: Record<string, unknown>): item is Record<string, unknown> & Key =>
  typeof item.pk === 'string' && typeof item.sk === 'string';

export const eraseContact = (
  workspaceId: string,
  contactId: string,
  deps: ContactDeps,
): Promise<{ itemsDeleted: number }> =>
  retryOnConflict('erase contact', () => eraseContactOnce(workspaceId, contactId, deps));

const eraseContactOnce = async (
  workspaceId: string,
  contactId: string,
  deps: ContactDeps,
): Promise<{ itemsDeleted: number }> => {
  const contact = await deps.contacts.get(workspaceId, contactId);
  if (!contact) throw new NotFoundError(`no contact ${contactId}`);
  const contactKey = keys.contact(workspaceId, contactId);
  const items = (await deps.contacts.partitionItems(workspaceId, contactId)).filter(isKey);
  const attached = items
    .filter((item) => item.sk !== contactKey.sk)
    .map((item) => ({ pk: item.pk, sk: item.sk }));
  // Lookups that point into the partition from outside it: a shop's customer id, an order id.
  const pointers = items.flatMap((item): Key[] => {
    const connectionId = typeof item.connectionId === 'string' ? item.connectionId : undefined;
    if (!connectionId) return [];
    if (item.type === 'storefrontLink' && typeof item.customerId === 'string') {
      return [keys.storefrontCustomer(workspaceId, connectionId, item.customerId)];
    }
    if (item.type === 'order' && typeof item.orderId === 'string') {
      return [keys.orderLookup(workspaceId, connectionId, item.orderId)];
    }
    return [];
  });
  await deps.contacts.deleteKeys(pointers);
  await deps.contacts.deleteKeys(attached);
  const tombstones: Key[] = [];
  if (contact.email) tombstones.push(keys.emailLookup(workspaceId, contact.email));
  if (contact.externalId) tombstones.push(keys.externalIdLookup(workspaceId, contact.externalId));
  const removals = contact.anonymousIds.map((a) => keys.anonymousLookup(workspaceId, a));
  const itemsDeleted =
    attached.length + pointers.length + removals.length + searchTermsOf(contact).length + 1;
  const event = domainEvent('contact.erased', workspaceId, { contactId, itemsDeleted }, deps.clock);
  await deps.contacts.eraseFinal(contact, tombstones, removals, event, deps.clock.now().toISOString());
  return { itemsDeleted };
};
