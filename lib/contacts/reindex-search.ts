/**
 * Backfill of the contact search index for contacts stored before search existed (their changes since
 * wrote only the terms they changed): one listing shard page at a time, each contact's terms written
 * conditional on its rev, so a contact renamed meanwhile keeps exactly its own terms. When the rev has
 * moved (a live write won the race: it wrote only the terms it changed), the contact is read again and
 * indexed at its new rev; a contact erased meanwhile is left alone. Idempotent and resumable: run it
 * again from the position it returned, or from the start, and nothing is duplicated.
 */

import { TransientError } from '../shared/errors.ts';
import { CONTACT_LIST_SHARDS, keys } from '../shared/keys.ts';
import type { Contact } from './contact.schema.ts';
import type { ContactsRepository } from './contacts.repository.ts';

export interface ReindexPosition {
  readonly shard: number;
  readonly after?: string | undefined;
}

/** Attempts per contact: each failed one means a live write landed in between, which is rare. */
const ATTEMPTS = 5;

/** Writes the contact's terms at its current rev, re-reading it after a live write; false if erased. */
const indexAtCurrentRev = async (
  first: Contact,
  deps: { contacts: Pick<ContactsRepository, 'getMany' | 'indexTerms'> },
): Promise<boolean> => {
  let contact: Contact | undefined = first;
  for (let attempt = 0; attempt < ATTEMPTS && contact; attempt++) {
    if (await deps.contacts.indexTerms(contact)) return true;
    [contact] = await deps.contacts.getMany([keys.contact(contact.workspaceId, contact.id)], true);
  }
  if (!contact) return false;
  throw new TransientError(
    `contact ${contact.id} kept changing while its search terms were written; run again to resume`,
  );
};

/** One page of the backfill: the contacts indexed, and where to go on (absent: done). */
export const reindexSearchPage = async (
  workspaceId: string,
  position: ReindexPosition,
  pageSize: number,
  deps: { contacts: Pick<ContactsRepository, 'shardPage' | 'getMany' | 'indexTerms'> },
): Promise<{ indexed: number; next?: ReindexPosition }> => {
  const page = await deps.contacts.shardPage(workspaceId, position.shard, pageSize, position.after);
  const contacts = await deps.contacts.getMany(
    page.ids.map((id) => keys.contact(workspaceId, id)),
    true,
  );
  let indexed = 0;
  for (const contact of contacts) if (await indexAtCurrentRev(contact, deps)) indexed += 1;
  if (!page.done) return { indexed, next: { shard: position.shard, after: page.last } };
  if (position.shard + 1 < CONTACT_LIST_SHARDS) return { indexed, next: { shard: position.shard + 1 } };
  return { indexed };
};

/** The whole backfill of a workspace, page after page (a script or a one-off task runs it). */
export const reindexSearch = async (
  workspaceId: string,
  deps: Parameters<typeof reindexSearchPage>[3],
  pageSize = 100,
): Promise<number> => {
  let total = 0;
  let position: ReindexPosition | undefined = { shard: 0 };
  while (position) {
    const { indexed, next } = await reindexSearchPage(workspaceId, position, pageSize, deps);
    total += indexed;
    position = next;
  }
  return total;
};
