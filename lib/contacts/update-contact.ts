/** Partial update of a contact by id: only the fields given change; identifiers stay unique. */
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import type { PatchContactInput } from './contact.schema.ts';
import { applyChange, changedFields } from './contact-model.ts';
import type { TransactItem } from './contacts.repository.ts';
import type { ContactDeps } from './deps.ts';
import { retryOnConflict } from './retry-on-conflict.ts';
import { missingLookups, staleLookups, type UpsertResult } from './upsert-contact.ts';

/**
 * One attempt at the update: fails with a condition error when another writer changed the contact
 * first (or when one of the `alongside` writes, made in the same transaction, fails its condition).
 * Writes nothing, `alongside` included, when the patch changes nothing.
 */
export const updateContactOnce = async (
  workspaceId: string,
  contactId: string,
  patch: PatchContactInput,
  deps: ContactDeps,
  alongside: readonly TransactItem[] = [],
): Promise<UpsertResult> => {
  const before = await deps.contacts.get(workspaceId, contactId);
  if (!before) throw new NotFoundError(`no contact ${contactId}`);
  if (patch.email || patch.externalId) {
    const found = await deps.contacts.lookup(workspaceId, {
      email: patch.email,
      externalId: patch.externalId,
    });
    for (const [field, lookup] of Object.entries(found)) {
      if (lookup?.type === 'lookup' && lookup.contactId !== contactId) {
        throw new ConflictError(`another contact already has this ${field}`);
      }
    }
  }
  const after = applyChange(before, patch);
  const changed = changedFields(before, after);
  if (changed.length === 0) return { contact: before, created: false, changed };
  const next = { ...after, rev: before.rev + 1, updatedAt: deps.clock.now().toISOString() };
  const event = domainEvent('contact.updated', workspaceId, { contactId, fields: changed }, deps.clock);
  await deps.contacts.replace(
    next,
    before,
    event,
    { put: missingLookups(workspaceId, before, next), remove: staleLookups(workspaceId, before, next) },
    alongside,
  );
  return { contact: next, created: false, changed };
};

export const updateContact = (
  workspaceId: string,
  contactId: string,
  patch: PatchContactInput,
  deps: ContactDeps,
): Promise<UpsertResult> =>
  retryOnConflict('update contact', () => updateContactOnce(workspaceId, contactId, patch, deps));
