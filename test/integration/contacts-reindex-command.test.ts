/**
 * `ecrm contacts reindex-search` against DynamoDB Local: contacts stored without search terms become
 * findable; a run stopped after a page resumes from the cursor it printed; a second run changes
 * nothing; a live rename racing the backfill leaves exactly the contact's own terms.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { contactsCommand } from '../../cli/contacts.command.ts';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { reindexSearchRun } from '../../lib/contacts/reindex-search-run.ts';
import { searchRepository } from '../../lib/contacts/search.repository.ts';
import { searchContacts } from '../../lib/contacts/search-contacts.ts';
import { searchTermsOf } from '../../lib/contacts/search-terms.ts';
import { updateContact } from '../../lib/contacts/update-contact.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { BatchWriteCommand } from '../../lib/shared/dynamodb/commands.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import { keys } from '../../lib/shared/keys.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';
import { searchTermItems } from './search-index.ts';

let deps: RealDeps & { search: ReturnType<typeof searchRepository> };
let ws: string;

beforeEach(async () => {
  const base = realDeps();
  deps = { ...base, search: searchRepository(base.table) };
  ws = await newWorkspace(deps);
});

const create = async (workspaceId: string, o: Record<string, unknown>) =>
  (await upsertContact(workspaceId, upsertContactBody.parse(o), 'api', deps)).contact;

const idsFor = async (q: string, workspaceId = ws) =>
  (await searchContacts(workspaceId, { q, limit: 25 }, deps)).contacts.map((c) => c.id);

/** Every term item of a workspace as sorted `term → contact id` lines. */
const indexOf = async (workspaceId: string): Promise<string[]> =>
  (await searchTermItems(deps.table, workspaceId)).map((i) => `${i.term} → ${i.contactId}`).sort();

/** As before search existed: the workspace's contacts without a single term. */
const dropTerms = async (workspaceId: string) => {
  const lines = await indexOf(workspaceId);
  for (let i = 0; i < lines.length; i += 25)
    await deps.table.client.send(
      new BatchWriteCommand({
        RequestItems: {
          [deps.table.name]: lines.slice(i, i + 25).map((line) => {
            const [term = '', id = ''] = line.split(' → ');
            return { DeleteRequest: { Key: keys.searchTerm(workspaceId, term, id) } };
          }),
        },
      }),
    );
  expect(await indexOf(workspaceId)).toEqual([]);
};

const expectedIndex = (contacts: Parameters<typeof searchTermsOf>[0][], ids: string[]) =>
  contacts.flatMap((c, i) => searchTermsOf(c).map((t) => `${t} → ${ids[i]}`)).sort();

describe('ecrm contacts reindex-search', () => {
  it('makes contacts stored without terms findable, resumes from its cursor, and changes nothing twice', async () => {
    const people = [
      { email: 'olga@example.com', firstName: 'Olga', lastName: 'Vieja' },
      { email: 'rene@example.com', firstName: 'René', lastName: 'Núñez' },
      { email: 'zoe@example.com', firstName: 'Zoé' },
    ];
    const made = [];
    for (const p of people) made.push(await create(ws, p));
    const expected = expectedIndex(
      made,
      made.map((c) => c.id),
    );
    await dropTerms(ws);
    expect(await idsFor('olga')).toEqual([]);

    // A run that stops after its first contact (page size 1): the cursor it printed resumes it.
    const stopped = new Error('stopped');
    let cursor: string | undefined;
    const first = reindexSearchRun(
      {
        workspaceIds: [ws],
        pageSize: 1,
        onProgress: (p) => {
          if (p.indexed === 0) return;
          cursor = p.cursor;
          throw stopped;
        },
      },
      { contacts: contactsRepository(deps.table) },
    );
    await expect(first).rejects.toBe(stopped);
    expect(cursor).toBeDefined();
    expect((await indexOf(ws)).length).toBeGreaterThan(0);
    expect(await indexOf(ws)).not.toEqual(expected);

    const lines: string[] = [];
    const resumed = await contactsCommand(
      'reindex-search',
      { workspace: ws, resume: cursor },
      deps.table,
      (l) => lines.push(l),
    );
    expect(resumed).toEqual({ reindexed: true, workspaces: 1, indexed: 2 });
    expect(await indexOf(ws)).toEqual(expected);
    for (const [q, contact] of [
      ['olga', made[0]],
      ['nunez', made[1]],
      ['zoe@', made[2]],
    ] as const)
      expect(await idsFor(q), q).toEqual([contact?.id]);
    // The last line counts what its own page indexed: 1 when the last contact's shard is the last one
    // read (ids are random), else 0.
    expect(lines.at(-1)).toMatch(new RegExp(`^${ws} shard 16: [01] indexed, 2 in all; done\\n$`));
    expect(lines.slice(0, -1).every((l) => /to resume: --resume [A-Za-z0-9_-]+\n$/.test(l))).toBe(true);

    // From the start again: the same terms, no more, no fewer.
    const again = await contactsCommand('reindex-search', { workspace: ws }, deps.table, () => {});
    expect(again).toEqual({ reindexed: true, workspaces: 1, indexed: 3 });
    expect(await indexOf(ws)).toEqual(expected);
  });

  it('keeps exactly a contact’s own terms when a live rename lands between its read and its terms', async () => {
    const ana = await create(ws, { email: 'ana@example.com', firstName: 'Ana', lastName: 'Antes' });
    await dropTerms(ws);
    const real = contactsRepository(deps.table);
    let raced = false;
    const contacts: typeof real = {
      ...real,
      // The API renames Ana after the backfill read her and before it wrote her terms: its write
      // carries only the changed name terms, and the backfill's write at the old rev is refused.
      indexTerms: async (contact) => {
        if (!raced) {
          raced = true;
          await updateContact(ws, contact.id, { lastName: 'Después' }, deps);
        }
        return real.indexTerms(contact);
      },
    };
    const result = await reindexSearchRun({ workspaceIds: [ws] }, { contacts });
    expect(raced).toBe(true);
    expect(result).toEqual({ workspaces: 1, indexed: 1 });
    const now = { ...ana, lastName: 'Después' };
    expect(await indexOf(ws)).toEqual(expectedIndex([now], [ana.id]));
    expect(await idsFor('ana@')).toEqual([ana.id]);
    expect(await idsFor('antes')).toEqual([]);
  });

  it('goes through several workspaces in id order, resuming in the next one, and refuses a bad cursor', async () => {
    const other = await newWorkspace(deps);
    const [a, b] = [ws, other].sort() as [string, string];
    await create(a, { email: 'a1@example.com', firstName: 'Aldo' });
    const inB = await create(b, { email: 'b1@example.com', firstName: 'Bruna' });
    await dropTerms(a);
    await dropTerms(b);
    const seen: { workspaceId: string; cursor?: string }[] = [];
    const run = await reindexSearchRun(
      { workspaceIds: [b, a], onProgress: (p) => seen.push(p) },
      { contacts: contactsRepository(deps.table) },
    );
    expect(run).toEqual({ workspaces: 2, indexed: 2 });
    expect(seen[0]?.workspaceId).toBe(a);
    expect(seen.at(-1)).toEqual(expect.not.objectContaining({ cursor: expect.anything() }));
    // The last cursor in workspace a points at the start of b: resuming there indexes b only.
    const intoB = seen.filter((p) => p.workspaceId === a).at(-1)?.cursor;
    expect(intoB).toBeDefined();
    await dropTerms(b);
    const resumed = await reindexSearchRun(
      { workspaceIds: [a, b], ...(intoB ? { resume: intoB } : {}) },
      { contacts: contactsRepository(deps.table) },
    );
    expect(resumed).toEqual({ workspaces: 1, indexed: 1 });
    expect(await idsFor('bruna', b)).toEqual([inB.id]);

    for (const resume of ['garbage', Buffer.from('{"w":"ws_x","s":99}').toString('base64url')])
      await expect(
        contactsCommand('reindex-search', { workspace: a, resume }, deps.table, () => {}),
      ).rejects.toBeInstanceOf(ValidationError);
    // Without --workspace, every workspace of the table (one Scan), a deleted one left out.
    const listed = await workspacesRepository(deps.table).listIds();
    expect(listed).toEqual(expect.arrayContaining([a, b]));
    expect(listed).toEqual([...listed].sort());
    await workspacesRepository(deps.table).markDeleting(b, new Date().toISOString());
    expect(await workspacesRepository(deps.table).listIds()).not.toContain(b);
    const forB = intoB ?? '';
    await expect(
      contactsCommand('reindex-search', { workspace: a, resume: forB }, deps.table, () => {}),
    ).rejects.toThrow(/cursor is for workspace/);
  });
});
