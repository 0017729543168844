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
import { setConsent } from '../contacts/set-consent.ts';
import { updateContact } from '../contacts/update-contact.ts';
import { upsertContact } from '../contacts/upsert-contact.ts';
import { ConflictError } from '../shared/errors.ts';
import { identityHash, normaliseEmail } from '../shared/keys.ts';
import { isConditionFailure } from '../shared/table.ts';
import type { StorefrontCustomer } from './storefront-change.ts';
import type { StorefrontLinksRepository } from './storefront-links.repository.ts';

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

export const applyCustomer = async (
  workspaceId: string,
  connection: StorefrontConnectionRef,
  customer: StorefrontCustomer,
  mode: 'authoritative' | 'fill',
  deps: CustomerDeps,
): Promise<CustomerOutcome> => {
  const link = customer.customerId
    ? await deps.links.find(workspaceId, connection.id, customer.customerId)
    : undefined;
  if (mode === 'authoritative' && link && customer.updatedAt && link.updatedAt > customer.updatedAt) {
    return { outcome: 'stale', contactId: link.contactId };
  }
  const profile = profileOf(customer);
  let contactId = link && (await deps.contacts.get(workspaceId, link.contactId)) ? link.contactId : undefined;
  if (contactId === undefined && customer.email) {
    contactId = (await upsertContact(workspaceId, { email: customer.email }, connection.kind, deps)).contact
      .id;
  }
  if (contactId === undefined) return { outcome: 'unidentified' };

  const current = await deps.contacts.get(workspaceId, contactId);
  const wanted: PatchContactInput = { ...(customer.email ? { email: customer.email } : {}), ...profile };
  const patch = mode === 'fill' && current ? missingOnly(wanted, current) : wanted;
  try {
    await updateContact(workspaceId, contactId, patch, deps);
  } catch (error) {
    // The shop moved this customer to an email another contact holds: keep the rest of the change.
    if (!(error instanceof ConflictError) || patch.email === undefined) throw error;
    const { email: _email, ...rest } = patch;
    await updateContact(workspaceId, contactId, rest, deps);
  }

  // Email-only customers (guest checkouts) get a link too, so a shop-wide erasure finds them.
  const customerId =
    customer.customerId ??
    (customer.email ? `email:${identityHash(normaliseEmail(customer.email))}` : undefined);
  if (customerId) {
    try {
      await deps.links.save(workspaceId, {
        type: 'storefrontLink',
        v: 1,
        contactId,
        connectionId: connection.id,
        customerId,
        updatedAt:
          mode === 'authoritative' ? (customer.updatedAt ?? link?.updatedAt ?? '') : (link?.updatedAt ?? ''),
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // a newer state was applied meanwhile: it stands
    }
  }

  const contact = await deps.contacts.get(workspaceId, contactId);
  for (const [channel, decision] of Object.entries(customer.consent ?? {})) {
    if (!decision || (channel !== 'email' && channel !== 'sms')) continue;
    const held = contact?.consent[channel];
    const shopAt = decision.at ?? customer.updatedAt;
    if (held && (shopAt === undefined || held.at >= shopAt)) continue;
    await setConsent(
      workspaceId,
      contactId,
      { channel, status: decision.state, source: `${connection.kind}:${connection.name}`, at: shopAt },
      deps,
    );
  }
  return { outcome: 'applied', contactId };
};
