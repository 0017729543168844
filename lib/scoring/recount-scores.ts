/**
 * Backfill of the score distribution for ledgers written before its counters existed: one listing
 * shard page at a time, each uncounted ledger counted in one transaction conditional on the contact's
 * rev (score-distribution.repository.ts). A contact that changed meanwhile is read again and retried,
 * or left counted by the scorer's own write. Idempotent and resumable: a ledger once counted is never
 * counted again, so a rerun from any position, or from the start, changes no count twice.
 */
import type { Contact } from '../contacts/contact.schema.ts';
import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import { CONTACT_LIST_SHARDS, keys } from '../shared/keys.ts';
import type { ScoreDistributionRepository } from './score-distribution.repository.ts';

export interface RecountPosition {
  readonly shard: number;
  readonly after?: string | undefined;
}

export interface RecountDeps {
  readonly contacts: Pick<ContactsRepository, 'shardPage' | 'getMany' | 'get'>;
  readonly distribution: Pick<ScoreDistributionRepository, 'countLedger'>;
}

/** Attempts per contact that keeps changing under the backfill (then the next run counts it). */
const ATTEMPTS = 3;

/** One page of the backfill: contacts read, ledgers counted, and where to go on (absent: done). */
export const recountScoresPage = async (
  workspaceId: string,
  position: RecountPosition,
  pageSize: number,
  deps: RecountDeps,
): Promise<{ read: number; counted: number; next?: RecountPosition }> => {
  const page = await deps.contacts.shardPage(workspaceId, position.shard, pageSize, position.after);
  const contacts = await deps.contacts.getMany(
    page.ids.map((id) => keys.contact(workspaceId, id)),
    true,
  );
  let counted = 0;
  for (const first of contacts) {
    let contact: Contact | undefined = first;
    for (let attempt = 0; attempt < ATTEMPTS && contact?.score && !contact.score.counted; attempt++) {
      if (await deps.distribution.countLedger(contact)) {
        counted += 1;
        break;
      }
      contact = await deps.contacts.get(workspaceId, contact.id);
    }
  }
  const read = page.ids.length;
  if (!page.done) return { read, counted, next: { shard: position.shard, after: page.last } };
  if (position.shard + 1 < CONTACT_LIST_SHARDS) return { read, counted, next: { shard: position.shard + 1 } };
  return { read, counted };
};

/** The whole backfill of a workspace from `from`, page after page; `onPage` hears each page's end. */
export const recountScores = async (
  workspaceId: string,
  deps: RecountDeps,
  options: {
    readonly from?: RecountPosition;
    readonly pageSize?: number;
    readonly onPage?: (done: { read: number; counted: number; next?: RecountPosition }) => void;
  } = {},
): Promise<{ read: number; counted: number }> => {
  const total = { read: 0, counted: 0 };
  let position: RecountPosition | undefined = options.from ?? { shard: 0 };
  while (position) {
    const page = await recountScoresPage(workspaceId, position, options.pageSize ?? 100, deps);
    total.read += page.read;
    total.counted += page.counted;
    options.onPage?.(page);
    position = page.next;
  }
  return total;
};
