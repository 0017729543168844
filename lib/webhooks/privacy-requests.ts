/**
 * Shopify's mandatory privacy webhooks, through the same paths as the contacts API: a customer's
 * redaction is the contacts API's erasure; a shop's redaction erases every contact that connection
 * brought; a data request produces the same export as GET /v1/contacts/{id}/export, stored for the
 * operator to fetch and announced on the bus.
 */

import type { ContactDeps } from '../contacts/deps.ts';
import { eraseContact } from '../contacts/erase-contact.ts';
import { exportContact } from '../contacts/export-contact.ts';
import type { ExportsRepository } from '../contacts/exports.repository.ts';
import { NotFoundError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { newId } from '../shared/ids.ts';
import { identityHash, normaliseEmail } from '../shared/keys.ts';
import type { Table } from '../shared/table.ts';
import type { StorefrontCustomer } from './storefront-change.ts';
import { connectionContactsPage, type StorefrontLinksRepository } from './storefront-links.repository.ts';

export interface PrivacyDeps extends ContactDeps {
  readonly table: Table;
  readonly links: StorefrontLinksRepository;
  readonly exports: ExportsRepository;
}

/** The contact a shop's customer is, without creating one. */
export const findShopCustomer = async (
  workspaceId: string,
  connectionId: string,
  customer: StorefrontCustomer,
  deps: PrivacyDeps,
): Promise<string | undefined> => {
  const ids = [
    customer.customerId,
    customer.email ? `email:${identityHash(normaliseEmail(customer.email))}` : undefined,
  ];
  for (const id of ids) {
    if (!id) continue;
    const link = await deps.links.find(workspaceId, connectionId, id);
    if (link) return link.contactId;
  }
  if (!customer.email) return undefined;
  const found = await deps.contacts.lookup(workspaceId, { email: customer.email });
  return found.email?.type === 'lookup' ? found.email.contactId : undefined;
};

const eraseIfPresent = async (
  workspaceId: string,
  contactId: string,
  deps: PrivacyDeps,
): Promise<boolean> => {
  try {
    await eraseContact(workspaceId, contactId, deps);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false; // erased already: redelivery
    throw error;
  }
};

export const redactCustomer = async (
  workspaceId: string,
  connectionId: string,
  customer: StorefrontCustomer,
  deps: PrivacyDeps,
): Promise<'erased' | 'nothing held'> => {
  const contactId = await findShopCustomer(workspaceId, connectionId, customer, deps);
  return contactId && (await eraseIfPresent(workspaceId, contactId, deps)) ? 'erased' : 'nothing held';
};

/** Erase every contact linked to the connection, page by page; safe to run again after a crash. */
export const redactShop = async (
  workspaceId: string,
  connectionId: string,
  deps: PrivacyDeps,
): Promise<number> => {
  let erased = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await connectionContactsPage(deps.table, workspaceId, connectionId, start);
    for (const contactId of page.contactIds)
      if (await eraseIfPresent(workspaceId, contactId, deps)) erased += 1;
    start = page.next;
  } while (start);
  return erased;
};

export const answerDataRequest = async (
  workspaceId: string,
  connectionId: string,
  customer: StorefrontCustomer,
  requestId: string | undefined,
  deps: PrivacyDeps,
): Promise<string | undefined> => {
  const contactId = await findShopCustomer(workspaceId, connectionId, customer, deps);
  if (!contactId) return undefined;
  const content = await exportContact(workspaceId, contactId, deps);
  const now = deps.clock.now();
  // A redelivered request lands on the same export.
  const exportId = requestId
    ? `exp_${identityHash(`${connectionId}/${requestId}`).slice(0, 26)}`
    : newId('exp', now);
  const event = domainEvent(
    'contact.export.ready',
    workspaceId,
    { contactId, exportId, connectionId, ...(requestId ? { requestId } : {}) },
    deps.clock,
  );
  await deps.exports.put(workspaceId, exportId, contactId, content, now, event);
  return exportId;
};
