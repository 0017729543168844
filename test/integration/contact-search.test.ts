/**
 * Contact search on DynamoDB Local: the index follows every change of a contact in the same
 * transaction (a rename or a new email leaves no stale term, an erasure leaves none at all, two racing
 * renames leave exactly the winner's), pages never repeat a contact, and the request units of a search
 * and of the index's writes, counted by AWS's billing rules (bench/capacity.ts), are printed.
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { meter } from '../../bench/capacity.ts';
import { localDynamoDbClient } from '../../infra/local/dynamodb-local.ts';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { eraseContact } from '../../lib/contacts/erase-contact.ts';
import { getContact } from '../../lib/contacts/read-contacts.ts';
import { reindexSearch } from '../../lib/contacts/reindex-search.ts';
import { searchRepository } from '../../lib/contacts/search.repository.ts';
import { searchContacts } from '../../lib/contacts/search-contacts.ts';
import { searchTermsOf } from '../../lib/contacts/search-terms.ts';
import { updateContact } from '../../lib/contacts/update-contact.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { InvalidCursorError } from '../../lib/shared/cursor.ts';
import { BatchWriteCommand } from '../../lib/shared/dynamodb/commands.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import { keys } from '../../lib/shared/keys.ts';
import { newWorkspace, type RealDeps, realDeps, realTable } from './real-deps.ts';
import { searchTermItems } from './search-index.ts';

let deps: RealDeps & { search: ReturnType<typeof searchRepository> };
let ws: string;

beforeEach(async () => {
  const base = realDeps();
  deps = { ...base, search: searchRepository(base.table) };
  ws = await newWorkspace(deps);
});

const create = async (o: Record<string, unknown>) =>
  (await upsertContact(ws, upsertContactBody.parse(o), 'api', deps)).contact;

const search = async (q: string, limit = 25, cursor?: string) =>
  searchContacts(ws, { q, limit, ...(cursor ? { cursor } : {}) }, deps);

const idsFor = async (q: string) => (await search(q)).contacts.map((c) => c.id);

/** Every term item of the workspace, read shard by shard: `term → contact ids`. */
const indexOf = async (workspaceId: string): Promise<Map<string, string[]>> => {
  const out = new Map<string, string[]>();
  for (const { term, contactId } of await searchTermItems(deps.table, workspaceId))
    out.set(term, [...(out.get(term) ?? []), contactId]);
  return out;
};

const termsOfContact = async (contactId: string) =>
  [...(await indexOf(ws)).entries()]
    .filter(([, ids]) => ids.includes(contactId))
    .map(([term]) => term)
    .sort();

describe('contact search on DynamoDB Local', () => {
  it('finds a contact by a prefix of its names or email, ignoring case and accents, once', async () => {
    const ana = await create({ email: 'ana@example.com', firstName: 'Ana', lastName: 'García' });
    const other = await create({ email: 'bob@example.com', firstName: 'Bob', lastName: 'Anderson' });
    for (const q of ['ana gar', 'GARC', 'garcía', 'ana@', 'Ana García'])
      expect(await idsFor(q), q).toEqual([ana.id]);
    // "an" matches Ana by her full name and her email, and Bob by "anderson bob": each once.
    expect((await idsFor('an')).sort()).toEqual([ana.id, other.id].sort());
    expect(await idsFor('a')).toEqual(expect.arrayContaining([ana.id, other.id]));
    expect(await idsFor('a')).toHaveLength(2);
    expect(await idsFor('zzz')).toEqual([]);
    expect(await termsOfContact(ana.id)).toEqual(['ana garcia', 'ana@example.com', 'garcia ana']);
  });

  it('finds a Traditional Chinese name by a prefix of its characters', async () => {
    const chen = await create({ email: 'chen@example.tw', firstName: '大文', lastName: '陳' });
    await create({ email: 'lin@example.tw', firstName: '志明', lastName: '林' });
    for (const q of ['陳', '陳大', '陳 大文', '大文']) expect(await idsFor(q), q).toEqual([chen.id]);
  });

  it('a rename or a new email removes the old terms: the old name and email find nothing', async () => {
    const ana = await create({ email: 'ana@example.com', firstName: 'Ana', lastName: 'García' });
    await updateContact(ws, ana.id, { lastName: 'Pérez', email: 'ana.perez@example.org' }, deps);
    expect(await idsFor('garc')).toEqual([]);
    expect(await idsFor('ana@')).toEqual([]);
    expect(await idsFor('ana gar')).toEqual([]);
    expect(await idsFor('perez')).toEqual([ana.id]);
    expect(await idsFor('ana.p')).toEqual([ana.id]);
    expect(await termsOfContact(ana.id)).toEqual(['ana perez', 'ana.perez@example.org', 'perez ana']);
  });

  it('an erasure removes every term of the contact', async () => {
    const ana = await create({ email: 'ana@example.com', firstName: 'Ana', lastName: 'García' });
    const keep = await create({ email: 'anabel@example.com', firstName: 'Anabel' });
    expect(await termsOfContact(ana.id)).toHaveLength(3);
    await eraseContact(ws, ana.id, deps);
    expect(await termsOfContact(ana.id)).toEqual([]);
    expect(await idsFor('ana')).toEqual([keep.id]);
    expect([...(await indexOf(ws)).keys()].sort()).toEqual(['anabel@example.com']);
  });

  it('two renames racing leave exactly the terms of the one that won', async () => {
    const ana = await create({ email: 'ana@example.com', firstName: 'Ana', lastName: 'García' });
    await Promise.all([
      updateContact(ws, ana.id, { lastName: 'Uno', email: 'uno@example.com' }, deps),
      updateContact(ws, ana.id, { lastName: 'Dos', email: 'dos@example.com' }, deps),
    ]);
    const stored = await getContact(ws, ana.id, deps);
    // Both apply, one after the other (the later retried on the other's rev), and the later one wins:
    // the index holds its terms and nothing of the other's or of the first name.
    expect(await termsOfContact(ana.id)).toEqual(searchTermsOf(stored).sort());
    expect(await idsFor('garcia')).toEqual([]);
    expect(await idsFor('ana@')).toEqual([]);
    const winner = stored.lastName === 'Uno' ? 'uno' : 'dos';
    expect(await idsFor(winner)).toEqual([ana.id]);
    expect(await idsFor(winner === 'uno' ? 'dos' : 'uno')).toEqual([]);
  });

  it('of two conditional renames from the same read, the loser writes no term', async () => {
    const ana = await create({ email: 'ana@example.com', firstName: 'Ana', lastName: 'García' });
    const before = await getContact(ws, ana.id, deps);
    const renamed = (lastName: string) => ({ ...before, lastName, rev: before.rev + 1 });
    const outcomes = await Promise.allSettled([
      deps.contacts.replace(renamed('Uno'), before, undefined),
      deps.contacts.replace(renamed('Dos'), before, undefined),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const stored = await getContact(ws, ana.id, deps);
    expect(['Uno', 'Dos']).toContain(stored.lastName);
    expect(await termsOfContact(ana.id)).toEqual(searchTermsOf(stored).sort());
    expect(await termsOfContact(ana.id)).toHaveLength(3);
  });

  it('pages chain through the cursor with each contact once, for one shard and for an initial', async () => {
    const made: string[] = [];
    // Names over several second letters (one-letter queries read four shards), email matching too.
    for (const [i, name] of [
      'Paula',
      'Pedro',
      'Pia',
      'Pol',
      'Pura',
      'Paco',
      'Pepe',
      'Pili',
      'Pancho',
    ].entries())
      made.push((await create({ email: `p${i}@example.com`, firstName: name, lastName: `Prado${i}` })).id);
    for (const [q, expected] of [
      ['p', made.length],
      ['pa', 3],
      ['prado', made.length],
    ] as const) {
      const all = (await search(q, 100)).contacts.map((c) => c.id);
      expect(all, q).toHaveLength(expected);
      for (const limit of [1, 2, 4]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let n = 0; n < 40; n++) {
          const page = await search(q, limit, cursor);
          expect(page.contacts.length).toBeLessThanOrEqual(limit);
          seen.push(...page.contacts.map((c) => c.id));
          cursor = page.next;
          if (!cursor) break;
        }
        expect(seen, `${q} by ${limit}`).toEqual(all);
      }
    }
  });

  it('refuses a cursor of another search, a forged one and a query with nothing to search', async () => {
    await create({ email: 'ana@example.com', firstName: 'Ana' });
    await create({ email: 'anton@example.com', firstName: 'Anton' });
    const first = await search('an', 1);
    expect(first.next).toBeDefined();
    await expect(search('bo', 1, first.next)).rejects.toBeInstanceOf(InvalidCursorError);
    const forged = Buffer.from(JSON.stringify({ term: 'AN', contactId: `c_${'0'.repeat(26)}` })).toString(
      'base64url',
    );
    await expect(search('an', 1, forged)).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(search(' - ')).rejects.toMatchObject({ issues: [{ path: 'q' }] });
    await expect(search('\u0301')).rejects.toBeInstanceOf(ValidationError);
  });

  it('the backfill indexes contacts stored before search existed, and keeps a later rename exact', async () => {
    const old = await create({ email: 'old@example.com', firstName: 'Olga', lastName: 'Vieja' });
    const renamed = await create({ email: 'rene@example.com', firstName: 'René', lastName: 'Antes' });
    // As before search: no term at all.
    const all = await indexOf(ws);
    await deps.table.client.send(
      new BatchWriteCommand({
        RequestItems: {
          [deps.table.name]: [...all.entries()].flatMap(([term, ids]) =>
            ids.map((id) => ({ DeleteRequest: { Key: keys.searchTerm(ws, term, id) } })),
          ),
        },
      }),
    );
    expect(await idsFor('olga')).toEqual([]);
    // A change made before the backfill writes only what it changed...
    await updateContact(ws, renamed.id, { lastName: 'Después' }, deps);
    expect(await termsOfContact(renamed.id)).toEqual(['despues rene', 'rene despues']);
    // ...and the backfill completes every contact, twice over without a duplicate.
    expect(await reindexSearch(ws, deps, 1)).toBe(2);
    expect(await reindexSearch(ws, deps)).toBe(2);
    expect(await termsOfContact(old.id)).toEqual(searchTermsOf(old).sort());
    expect(await termsOfContact(renamed.id)).toEqual(['despues rene', 'rene despues', 'rene@example.com']);
    expect(await idsFor('olga')).toEqual([old.id]);
  });

  it('costs, by AWS billing: the extra write units of a contact change and the read units of a page', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const m = meter(localDynamoDbClient(endpoint));
    const metered = realTable();
    m.attach(metered.client);
    const mdeps = { ...realDeps(deps.clock, metered), search: searchRepository(metered) };
    const units = (kind: string) =>
      Object.entries(m.total().byOperation)
        .filter(([op]) => op.endsWith(' searchTerm'))
        .filter(([op]) => op.includes(kind))
        .reduce((n, [, o]) => n + o.writeUnits, 0);

    m.reset();
    const made = await upsertContact(
      ws,
      upsertContactBody.parse({ email: 'meter@example.com', firstName: 'Marta', lastName: 'Núñez' }),
      'api',
      mdeps,
    );
    const create = { total: m.total().writeUnits, terms: units('/Put') };
    m.reset();
    await updateContact(ws, made.contact.id, { lastName: 'Ortega' }, mdeps);
    const rename = { total: m.total().writeUnits, terms: units('/Put') + units('/Delete') };
    m.reset();
    await updateContact(ws, made.contact.id, { attributes: { plan: 'pro' } }, mdeps);
    const other = { total: m.total().writeUnits, terms: units('Put') + units('Delete') };

    for (let i = 0; i < 30; i++)
      await upsertContact(
        ws,
        upsertContactBody.parse({ email: `mm${i}@example.com`, firstName: `Mm${i}` }),
        'api',
        mdeps,
      );
    m.reset();
    const page = await searchContacts(ws, { q: 'mm', limit: 25 }, mdeps);
    const searchPage = { ru: m.total().readUnits, calls: m.total().calls, found: page.contacts.length };
    m.reset();
    const initial = await searchContacts(ws, { q: 'm', limit: 25 }, mdeps);
    const initialPage = { ru: m.total().readUnits, calls: m.total().calls, found: initial.contacts.length };

    console.log(
      'contact search units:',
      JSON.stringify({ create, rename, otherUpdate: other, searchPage, initialPage }),
    );
    // Three terms, each a transactional put of a small item: 2 WU each.
    expect(create.terms).toBe(6);
    // A new last name: two terms out ("marta nunez", "nunez marta"), two in.
    expect(rename.terms).toBe(8);
    // A change that touches no searchable field writes no term, and stays a single PutItem.
    expect(other.terms).toBe(0);
    expect(m.total().byCommand).toBeDefined();
    expect(searchPage.found).toBe(25);
    // One Query (a two-letter prefix is one shard) and one BatchGetItem.
    expect(searchPage.calls).toBe(2);
    expect(initialPage.calls).toBe(5);
  });
});
