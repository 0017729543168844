/**
 * Backfill of the contact search index for contacts stored before search existed (their changes since
 * wrote only the terms they changed): one listing shard page at a time, each contact's terms written
 * conditional on its rev, so a contact renamed meanwhile keeps exactly its own terms. Idempotent and
 * resumable: run it again from the position it returned, or from the start, and nothing is duplicated.
 */
import { CONTACT_LIST_SHARDS, keys } from '../shared/keys.ts';
import type { ContactsRepository } from './contacts.repository.ts';

export interface ReindexPosition {
  readonly shard: number;
  readonly after?: string | undefined;
}

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
  for (const contact of contacts) if (await deps.contacts.indexTerms(contact)) indexed += 1;
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
