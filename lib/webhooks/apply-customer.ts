/**
 * A shop's view of a customer onto the contact: found by the shop's customer id, then by email,
 * created when new. Customer webhooks are authoritative but never older than what was applied;
 * the customer inside an order only fills what the contact lacks. Consent follows the shop only
 * when the shop's decision is newer than the one ecrm holds (an unsubscribe here wins over an
 * older subscribe there).
 */

import type { PatchContactInput } from '../contacts/contact.schema.ts';
import { localeSchema, phoneSchema } from '../contacts/contact.schema.ts';
import type { ContactDeps } from '../contacts/deps.ts';
import { retryOnConflict } from '../contacts/retry-on-conflict.ts';
import { setConsent } from '../contacts/set-consent.ts';
import { updateContactOnce } from '../contacts/update-contact.ts';
import { type UpsertResult, upsertContact } from '../contacts/upsert-contact.ts';
import { ConflictError } from '../shared/errors.ts';
import { identityHash, normaliseEmail } from '../shared/keys.ts';
import type { StorefrontCustomer } from './storefront-change.ts';
import type { StorefrontLink, StorefrontLinksRepository } from './storefront-links.repository.ts';

export interface StorefrontConnectionRef {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
}

export interface CustomerDeps extends ContactDeps {
  readonly links: StorefrontLinksRepository;
}

export type CustomerOutcome =
  | { readonly outcome: 'applied' | 'stale'; readonly contactId: string }
  | { readonly outcome: 'unidentified' };

const profileOf = (c: StorefrontCustomer): Omit<PatchContactInput, 'email'> => {
  const locale = c.locale ? localeSchema.safeParse(c.locale) : undefined;
  const phone = c.phone ? phoneSchema.safeParse(c.phone) : undefined;
  return {
    ...(c.firstName ? { firstName: c.firstName } : {}),
    ...(c.lastName ? { lastName: c.lastName } : {}),
    ...(phone?.success ? { phone: phone.data } : {}),
    ...(locale?.success ? { locale: locale.data } : {}),
  };
};

const missingOnly = (patch: PatchContactInput, current: Record<string, unknown>): PatchContactInput =>
  Object.fromEntries(Object.entries(patch).filter(([k]) => current[k] === undefined));

/** The link to record for this customer, or none when the shop gave neither an id nor an email. */
const linkFor = (
  connection: StorefrontConnectionRef,
  customer: StorefrontCustomer,
  contactId: string,
  mode: 'authoritative' | 'fill',
  held: StorefrontLink | undefined,
): StorefrontLink | undefined => {
  // Email-only customers (guest checkouts) get a link too, so a shop-wide erasure finds them.
  const customerId =
    customer.customerId ??
    (customer.email ? `email:${identityHash(normaliseEmail(customer.email))}` : undefined);
  if (!customerId) return undefined;
  return {
    type: 'storefrontLink',
    v: 1,
    contactId,
    connectionId: connection.id,
    customerId,
    updatedAt:
      mode === 'authoritative' ? (customer.updatedAt ?? held?.updatedAt ?? '') : (held?.updatedAt ?? ''),
  };
};

/** The lookup as read holds exactly this link (both sides are written in one transaction). */
const sameLink = (held: StorefrontLink | undefined, link: StorefrontLink): boolean =>
  held !== undefined &&
  held.contactId === link.contactId &&
  held.connectionId === link.connectionId &&
  held.customerId === link.customerId &&
  held.updatedAt === link.updatedAt;

/**
 * Newest wins under any interleaving: the contact change and the link carrying the shop's
 * `updated_at` are one transaction, the link write conditional on no newer state being stored and
 * the contact write on its rev. A state that lost the race fails its condition, is retried on what
 * is now stored, and is found stale.
 */
export const applyCustomer = async (
  workspaceId: string,
  connection: StorefrontConnectionRef,
  customer: StorefrontCustomer,
  mode: 'authoritative' | 'fill',
  deps: CustomerDeps,
): Promise<CustomerOutcome> => {
  const findLink = () =>
    customer.customerId ? deps.links.find(workspaceId, connection.id, customer.customerId) : undefined;
  const isStale = (link: StorefrontLink | undefined) =>
    mode === 'authoritative' && link !== undefined && customer.updatedAt !== undefined
      ? link.updatedAt > customer.updatedAt
      : false;

  const first = await findLink();
  if (first && isStale(first)) return { outcome: 'stale', contactId: first.contactId };
  let contactId =
    first && (await deps.contacts.get(workspaceId, first.contactId)) ? first.contactId : undefined;
  if (contactId === undefined && customer.email) {
    contactId = (await upsertContact(workspaceId, { email: customer.email }, connection.kind, deps)).contact
      .id;
  }
  if (contactId === undefined) return { outcome: 'unidentified' };
  const id = contactId;

  const profile = profileOf(customer);
  const outcome = await retryOnConflict('apply customer', async (): Promise<'applied' | 'stale'> => {
    const held = await findLink();
    if (isStale(held)) return 'stale';
    const current = await deps.contacts.get(workspaceId, id);
    if (!current) throw new ConflictError(`contact ${id} went away meanwhile; retry`);
    const wanted: PatchContactInput = { ...(customer.email ? { email: customer.email } : {}), ...profile };
    const patch = mode === 'fill' ? missingOnly(wanted, current) : wanted;
    const link = linkFor(connection, customer, id, mode, held);
    const guard = link ? deps.links.guard(workspaceId, link) : [];
    let result: UpsertResult;
    try {
      result = await updateContactOnce(workspaceId, id, patch, deps, guard);
    } catch (error) {
      // The shop moved this customer to an email another contact holds: keep the rest of the change.
      if (!(error instanceof ConflictError) || patch.email === undefined) throw error;
      const { email: _email, ...rest } = patch;
      result = await updateContactOnce(workspaceId, id, rest, deps, guard);
    }
    // Nothing changed on the contact, so nothing carried the link: record it on its own, still
    // conditional (a failure means a newer state landed: the retry finds it stale). A link stored
    // as it is (a repeat customer's next order) is not rewritten: a transaction of two puts for nothing.
    if (result.changed.length === 0 && link && !sameLink(held, link))
      await deps.links.save(workspaceId, link);
    return 'applied';
  });
  if (outcome === 'stale') return { outcome, contactId: id };

  const contact = await deps.contacts.get(workspaceId, id);
  for (const [channel, decision] of Object.entries(customer.consent ?? {})) {
    if (!decision || (channel !== 'email' && channel !== 'sms')) continue;
    // An erased person re-created by a later order stays suppressed, whatever the shop's box says.
    if (contact?.suppression && decision.state === 'subscribed') continue;
    const held = contact?.consent[channel];
    // A box without its own consent time (Shopify's `consent_updated_at: null`) says nothing about
    // when it was ticked: the customer's update time moves with any edit, so it may stop mail but
    // never undo a decision ecrm holds (an unsubscribe made through a link would be lost).
    if (held && decision.at === undefined && decision.state === 'subscribed') continue;
    const shopAt = decision.at ?? customer.updatedAt;
    if (held && (shopAt === undefined || held.at >= shopAt)) continue;
    await setConsent(
      workspaceId,
      id,
      {
        channel,
        status: decision.state,
        source: `${connection.kind}:${connection.name}`,
        at: shopAt,
        onlyIfNewer: true,
      },
      deps,
    );
  }
  return { outcome: 'applied', contactId: id };
};
