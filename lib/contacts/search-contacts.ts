/**
 * Find contacts by a prefix of their email, first name, last name or full name, case- and
 * accent-insensitive, a page at a time. A query of two characters or more reads one shard of the
 * search index; a one-character query reads the SEARCH_SUBSHARDS shards of its initial, merged in
 * sort key order. Each hit is checked against the stored contact (read strongly consistently), and a
 * contact matching by several terms is listed once, under its smallest matching term, so pages never
 * repeat a contact. Cost: one Query per shard read and one BatchGetItem per round, for the page only.
 */
import * as z from 'zod';
import { cursorCodec, InvalidCursorError } from '../shared/cursor.ts';
import { ValidationError } from '../shared/errors.ts';
import { keys, searchShardsOf } from '../shared/keys.ts';
import { contactIdSchema } from '../shared/values/identity.schema.ts';
import type { Contact } from './contact.schema.ts';
import type { ContactsRepository } from './contacts.repository.ts';
import type { SearchRepository, TermHit } from './search.repository.ts';
import { compareUtf8, foldText, listedUnder, TERM_MAX } from './search-terms.ts';

export interface SearchDeps {
  readonly contacts: Pick<ContactsRepository, 'getMany'>;
  readonly search: SearchRepository;
}

/** Where a search stands: the term and contact of the last hit read. */
const searchCursor = cursorCodec(
  z.strictObject({
    term: z
      .string()
      .min(1)
      .max(TERM_MAX * 4),
    contactId: contactIdSchema,
  }),
  'contact-search',
);

/** The folded query, or a 422 naming `q` when nothing searchable is left of it. */
export const searchPrefix = (q: string): string => {
  const prefix = foldText(q);
  if (prefix.length === 0)
    throw new ValidationError('nothing to search for', [
      { path: 'q', message: 'holds no letter, digit or symbol to search for' },
    ]);
  return prefix;
};

/** The sort key a cursor resumes after; a cursor of another query (or not a folded term) is refused. */
const resumeAfter = (workspaceId: string, prefix: string, cursor: string): string => {
  const { term, contactId } = searchCursor.decode(cursor);
  // Only a position inside this search's key range: anything else is not a cursor this search gave.
  if (!term.startsWith(prefix)) throw new InvalidCursorError('from another search');
  return keys.searchTerm(workspaceId, term, contactId).sk;
};

/**
 * One round: up to `want` hits from each shard after `after`, merged; only hits up to the last one of
 * any shard that has more can be placed in order, so the round stops there.
 */
const readRound = async (
  workspaceId: string,
  prefix: string,
  want: number,
  after: string | undefined,
  deps: SearchDeps,
): Promise<{ hits: TermHit[]; done: boolean }> => {
  const pages = await Promise.all(
    searchShardsOf(prefix).map((shard) => deps.search.shardPage(workspaceId, shard, prefix, want, after)),
  );
  const bounds = pages.flatMap((p) => (p.more && p.hits.length > 0 ? [p.hits.at(-1)?.sk ?? ''] : []));
  const bound = bounds.sort(compareUtf8)[0];
  const hits = pages
    .flatMap((p) => p.hits)
    .filter((h) => bound === undefined || compareUtf8(h.sk, bound) <= 0)
    .sort((a, b) => compareUtf8(a.sk, b.sk));
  return { hits, done: bounds.length === 0 };
};

export const searchContacts = async (
  workspaceId: string,
  query: { q: string; limit: number; cursor?: string | undefined },
  deps: SearchDeps,
): Promise<{ contacts: Contact[]; next?: string }> => {
  const prefix = searchPrefix(query.q);
  let after = query.cursor ? resumeAfter(workspaceId, prefix, query.cursor) : undefined;
  let last: TermHit | undefined;
  const found: Contact[] = [];
  for (;;) {
    const round = await readRound(workspaceId, prefix, query.limit - found.length, after, deps);
    const ids = [...new Set(round.hits.map((h) => h.contactId))];
    const stored = await deps.contacts.getMany(
      ids.map((id) => keys.contact(workspaceId, id)),
      true,
    );
    const byId = new Map(stored.map((c) => [c.id, c]));
    let read = 0;
    for (const hit of round.hits) {
      read += 1;
      last = hit;
      const contact = byId.get(hit.contactId);
      // Listed under its smallest matching term only; a hit of a contact being erased is skipped.
      if (contact && listedUnder(contact, prefix) === hit.term) found.push(contact);
      if (found.length >= query.limit) break;
    }
    const exhausted = round.done && read === round.hits.length;
    if (exhausted) return { contacts: found };
    if (found.length >= query.limit && last)
      return { contacts: found, next: searchCursor.encode({ term: last.term, contactId: last.contactId }) };
    after = last?.sk ?? after;
  }
};
