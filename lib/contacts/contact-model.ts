/**
 * Pure rules of the contact record: building a new one, applying a change, naming what changed and
 * enforcing the size limits that keep a contact small. No I/O, time from the caller.
 */
import { PayloadTooLargeError, ValidationError } from '../shared/errors.ts';
import { normaliseEmail } from '../shared/keys.ts';
import {
  type AttributeValue,
  type Contact,
  LIMITS,
  type PatchContactInput,
  TRACKED_FIELDS,
  type UpsertContactInput,
} from './contact.schema.ts';

export type ProfileChange = Omit<PatchContactInput, 'addTags' | 'removeTags'> & {
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
};

export const emptyContact = (workspaceId: string, id: string, source: string, at: string): Contact => ({
  type: 'contact',
  v: 1,
  id,
  workspaceId,
  rev: 0,
  attributes: {},
  tags: [],
  consent: {},
  anonymousIds: [],
  activity: { eventCount: 0, byName: {} },
  source,
  createdAt: at,
  updatedAt: at,
});

const mergeAttributes = (
  current: Record<string, AttributeValue>,
  change: Record<string, AttributeValue | null> | undefined,
): Record<string, AttributeValue> => {
  if (!change) return current;
  const next: Record<string, AttributeValue> = { ...current };
  for (const [name, value] of Object.entries(change)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
};

/** Throws when the merged attributes break a limit: count → 422, stored size → 413. */
export const checkAttributeLimits = (attributes: Record<string, AttributeValue>): void => {
  const count = Object.keys(attributes).length;
  if (count > LIMITS.attributes) {
    throw new ValidationError(`a contact holds at most ${LIMITS.attributes} attributes`, [
      {
        path: 'attributes',
        message: `${count} attributes after this change; the limit is ${LIMITS.attributes}`,
      },
    ]);
  }
  const bytes = Buffer.byteLength(JSON.stringify(attributes));
  if (bytes > LIMITS.attributesBytes) {
    throw new PayloadTooLargeError(`attributes take ${bytes} bytes; the limit is ${LIMITS.attributesBytes}`, [
      {
        path: 'attributes',
        message: `${bytes} bytes after this change; the limit is ${LIMITS.attributesBytes}`,
      },
    ]);
  }
};

/** Apply a profile change; identifiers are normalised, tags kept unique and bounded. */
export const applyChange = (contact: Contact, change: ProfileChange | UpsertContactInput): Contact => {
  const next: Contact = { ...contact };
  if (change.email !== undefined) next.email = normaliseEmail(change.email);
  if (change.externalId !== undefined) next.externalId = change.externalId;
  if (change.firstName !== undefined) next.firstName = change.firstName;
  if (change.lastName !== undefined) next.lastName = change.lastName;
  if (change.phone !== undefined) next.phone = change.phone;
  if (change.locale !== undefined) next.locale = change.locale;
  if (change.timezone !== undefined) next.timezone = change.timezone;
  next.attributes = mergeAttributes(contact.attributes, change.attributes);
  checkAttributeLimits(next.attributes);
  let tags = change.tags !== undefined ? [...change.tags] : [...contact.tags];
  if ('addTags' in change && change.addTags) tags.push(...change.addTags);
  if ('removeTags' in change && change.removeTags) {
    const removed = new Set(change.removeTags);
    tags = tags.filter((t) => !removed.has(t));
  }
  tags = [...new Set(tags)];
  if (tags.length > LIMITS.tags) {
    throw new ValidationError(`a contact holds at most ${LIMITS.tags} tags`, [
      { path: 'tags', message: `${tags.length} tags after this change; the limit is ${LIMITS.tags}` },
    ]);
  }
  next.tags = tags;
  return next;
};

/** The tracked fields whose value differs between two versions of a contact. */
export const changedFields = (before: Contact, after: Contact): string[] =>
  TRACKED_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));

/** Remember an anonymous id on the contact (bounded: the oldest fall off; their lookups remain). */
export const withAnonymousId = (contact: Contact, anonymousId: string): Contact => {
  if (contact.anonymousIds.includes(anonymousId)) return contact;
  return { ...contact, anonymousIds: [...contact.anonymousIds, anonymousId].slice(-LIMITS.anonymousIds) };
};
