/**
 * Create or update the contact identified by email and/or external id. Idempotent: the same input
 * twice leaves one contact and writes nothing the second time. An email that was erased (hashed
 * tombstone) comes back suppressed.
 */
import { ConflictError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { newId } from '../shared/ids.ts';
import { type Key, keys } from '../shared/keys.ts';
import type { Contact, UpsertContactInput } from './contact.schema.ts';
import { applyChange, changedFields, emptyContact, withAnonymousId } from './contact-model.ts';
import type { Lookup } from './contacts.repository.ts';
import type { ContactDeps } from './deps.ts';
import { retryOnConflict } from './retry-on-conflict.ts';

export interface UpsertResult {
  readonly contact: Contact;
  readonly created: boolean;
  readonly changed: readonly string[];
}

const contactIdOf = (lookup: Lookup | undefined): string | undefined =>
  lookup?.type === 'lookup' ? lookup.contactId : undefined;

/** Lookup keys the contact should own but does not yet. */
export const missingLookups = (ws: string, before: Contact | undefined, after: Contact): Key[] => {
  const out: Key[] = [];
  if (after.email && after.email !== before?.email) out.push(keys.emailLookup(ws, after.email));
  if (after.externalId && after.externalId !== before?.externalId)
    out.push(keys.externalIdLookup(ws, after.externalId));
  for (const anon of after.anonymousIds) {
    if (!before?.anonymousIds.includes(anon)) out.push(keys.anonymousLookup(ws, anon));
  }
  return out;
};

/** Lookup keys the contact owned before and no longer does (an email or external id changed). */
export const staleLookups = (ws: string, before: Contact, after: Contact): Key[] => {
  const out: Key[] = [];
  if (before.email && before.email !== after.email) out.push(keys.emailLookup(ws, before.email));
  if (before.externalId && before.externalId !== after.externalId)
    out.push(keys.externalIdLookup(ws, before.externalId));
  return out;
};

export const upsertContact = (
  workspaceId: string,
  input: UpsertContactInput,
  source: string,
  deps: ContactDeps,
): Promise<UpsertResult> =>
  retryOnConflict('upsert contact', async () => {
    const found = await deps.contacts.lookup(workspaceId, input);
    const byEmail = contactIdOf(found.email);
    const byExternal = contactIdOf(found.externalId);
    if (byEmail && byExternal && byEmail !== byExternal) {
      throw new ConflictError('email and externalId belong to two different contacts');
    }
    const existingId = byEmail ?? byExternal;
    // An anonymous id already tied to someone else (a shared device) is not moved to this contact.
    const anonOwner = contactIdOf(found.anonymousId);
    const anonymousId = anonOwner === undefined || anonOwner === existingId ? input.anonymousId : undefined;
    const now = deps.clock.now();
    const at = now.toISOString();

    if (existingId) {
      const before = await deps.contacts.get(workspaceId, existingId);
      if (!before) throw new ConflictError('lookup points at a missing contact; retry');
      let after = applyChange(before, input);
      if (anonymousId) after = withAnonymousId(after, anonymousId);
      const changed = changedFields(before, after);
      if (changed.length === 0) return { contact: before, created: false, changed };
      after = { ...after, rev: before.rev + 1, updatedAt: at };
      const event = domainEvent(
        'contact.updated',
        workspaceId,
        { contactId: after.id, fields: changed },
        deps.clock,
      );
      await deps.contacts.replace(after, before, event, {
        put: missingLookups(workspaceId, before, after),
        remove: staleLookups(workspaceId, before, after),
      });
      return { contact: after, created: false, changed };
    }

    const blank = emptyContact(workspaceId, newId('c', now), source, at);
    let contact = applyChange(blank, input);
    if (anonymousId) contact = withAnonymousId(contact, anonymousId);
    // An erased person coming back (a late event or order, by email or external id) is suppressed:
    // nothing is sent to them until someone decides otherwise.
    if (found.email?.type === 'tombstone' || found.externalId?.type === 'tombstone')
      contact = { ...contact, suppression: { reason: 'erased', at } };
    const changed = changedFields(blank, contact);
    const event = domainEvent(
      'contact.created',
      workspaceId,
      { contactId: contact.id, fields: changed },
      deps.clock,
    );
    await deps.contacts.create(contact, missingLookups(workspaceId, undefined, contact), event);
    return { contact, created: true, changed };
  });
