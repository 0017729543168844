/**
 * Contact search's bench part: what the search index adds to a contact's writes (a creation, a rename,
 * a change of another field) and what a page of search reads, in request units by AWS's billing rules
 * (./capacity.ts), through the HTTP API of the local stack; and how the terms of many names spread over
 * the index's partitions, i.e. how fast an import may go before one partition takes 300 writes a second.
 */
import type { LocalStack } from '../infra/local/stack.ts';
import { foldText, searchTermsOf } from '../lib/contacts/search-terms.ts';
import { keys, SEARCH_SHARDS } from '../lib/shared/keys.ts';
import { apiCaller } from './api-call.ts';
import type { meter as Meter, Tally } from './capacity.ts';

/** Common first and last names (Spanish, French, Italian, English, Taiwanese): what a shop's list holds. */
const FIRST = [
  'María',
  'José',
  'Ana',
  'Juan',
  'Lucía',
  'Marie',
  'Jean',
  'Giulia',
  'Marco',
  'John',
  'Sarah',
  'Michael',
];
const LAST = [
  'García',
  'Martínez',
  'López',
  'Dubois',
  'Martin',
  'Rossi',
  'Russo',
  'Smith',
  'Johnson',
  'Brown',
];
const CJK_FIRST = ['大文', '志明', '淑芬', '美玲', '家豪'];
const CJK_LAST = ['陳', '林', '黃', '張', '李'];
const CJK_LAST_LATIN = ['chen', 'lin', 'huang', 'zhang', 'li'];

export interface SearchFigures {
  readonly contacts: number;
  readonly termsPerContact: number;
  readonly create: { writeUnits: number; termWriteUnits: number };
  readonly rename: { writeUnits: number; termWriteUnits: number };
  readonly otherChange: { writeUnits: number; termWriteUnits: number };
  readonly pages: readonly { q: string; found: number; readUnits: number; calls: number }[];
  /** The busiest index partition's share of all term writes, and the import rate it allows. */
  readonly hottestShare: number;
  readonly importRateAt300: number;
}

const termUnits = (tally: Tally) =>
  Object.entries(tally.byOperation)
    .filter(([op]) => op.endsWith(' searchTerm'))
    .reduce((n, [, o]) => n + o.writeUnits, 0);

export const benchSearch = async (o: {
  stack: LocalStack;
  meter: ReturnType<typeof Meter>;
  token: string;
  workspaceId: string;
  contacts: number;
}): Promise<SearchFigures> => {
  const call = apiCaller(o.stack.apiUrl, o.token);
  const people = Array.from({ length: o.contacts }, (_, i) => {
    const cjk = i % 5 === 4;
    const first = cjk ? CJK_FIRST[Math.floor(i / 5) % CJK_FIRST.length] : FIRST[i % FIRST.length];
    const l = (i >> 3) % CJK_LAST.length;
    const last = cjk ? CJK_LAST[l] : LAST[(i >> 2) % LAST.length];
    // Emails as people have them: built from their names (so they spread like names do).
    const local = cjk ? `${CJK_LAST_LATIN[l]}.${i}` : `${foldText(`${first}.${last}`).replace(/ /g, '')}${i}`;
    return { email: `${local}@search.example`, firstName: first ?? 'x', lastName: last ?? 'y' };
  });

  const perShard = new Array<number>(SEARCH_SHARDS).fill(0);
  let terms = 0;
  o.meter.reset();
  const ids: string[] = [];
  for (const person of people) {
    const made = await call('POST', '/v1/contacts', person);
    const contact = typeof made === 'object' && made !== null ? Reflect.get(made, 'contact') : undefined;
    ids.push(String(typeof contact === 'object' && contact !== null ? Reflect.get(contact, 'id') : ''));
    for (const term of searchTermsOf(person)) {
      terms += 1;
      const pk = keys.searchTerm(o.workspaceId, term, 'c').pk;
      const shard = Number(pk.slice(pk.lastIndexOf('#') + 1));
      perShard[shard] = (perShard[shard] ?? 0) + 1;
    }
  }
  const created = o.meter.get('upsert-contact');
  const renamed = Math.min(100, ids.length);
  o.meter.reset();
  for (const id of ids.slice(0, renamed)) await call('PATCH', `/v1/contacts/${id}`, { lastName: 'Renamed' });
  const rename = o.meter.get('update-contact');
  o.meter.reset();
  for (const id of ids.slice(0, renamed))
    await call('PATCH', `/v1/contacts/${id}`, { attributes: { plan: 'pro' } });
  const other = o.meter.get('update-contact');

  const pages = [];
  for (const q of ['m', 'ma', 'mar', 'garc', 'maria gar', 'maria.garcia1', '陳', '陳大']) {
    o.meter.reset();
    const page = await call('GET', `/v1/contacts/search?q=${encodeURIComponent(q)}&limit=25`);
    const list = typeof page === 'object' && page !== null ? Reflect.get(page, 'contacts') : undefined;
    const tally = o.meter.get('search-contacts');
    pages.push({
      q,
      found: Array.isArray(list) ? list.length : 0,
      readUnits: tally.readUnits,
      calls: tally.calls,
    });
  }
  const hottestShare = Math.max(...perShard) / terms;
  const termsPerContact = terms / people.length;
  return {
    contacts: people.length,
    termsPerContact,
    create: {
      writeUnits: created.writeUnits / people.length,
      termWriteUnits: termUnits(created) / people.length,
    },
    rename: { writeUnits: rename.writeUnits / renamed, termWriteUnits: termUnits(rename) / renamed },
    otherChange: { writeUnits: other.writeUnits / renamed, termWriteUnits: termUnits(other) / renamed },
    pages,
    hottestShare,
    importRateAt300: 300 / (hottestShare * termsPerContact),
  };
};
