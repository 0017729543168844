/**
 * Contact search over HTTP on the local stack, the way the console's contacts page uses it: contacts
 * made, renamed and erased through the API are found, not found any more, and gone, at once; a read
 * key may search, and each contact of a page comes once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { type Client, client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let admin: Client;
let reader: Client;
let ingest: Client;

beforeAll(async () => {
  stack = await startStack();
  const keys = await workspaceWithKeys(stack);
  admin = client(stack, keys.admin);
  reader = client(stack, keys.read);
  ingest = client(stack, keys.ingest);
}, 120_000);

afterAll(() => stack?.stop());

const made = async (body: Record<string, unknown>) => {
  const res = await admin.post('/v1/contacts', body);
  expect(res.status).toBe(201);
  return String(field(res.body, 'contact', 'id'));
};

const idsOf = (body: unknown): string[] => {
  const contacts = field(body, 'contacts');
  return Array.isArray(contacts) ? contacts.map((c: unknown) => String(field(c, 'id'))) : [];
};

const found = async (q: string, as: Client = reader): Promise<string[]> => {
  const res = await as.get(`/v1/contacts/search?q=${encodeURIComponent(q)}&limit=100`);
  expect(res.status, q).toBe(200);
  return idsOf(res.body);
};

describe('contact search over HTTP', () => {
  it('finds by prefix of email, first, last or full name, ignoring case and accents, each once', async () => {
    const ana = await made({ email: 'ana.garcia@shop.example', firstName: 'Ana', lastName: 'García' });
    const chen = await made({ email: 'chen@shop.example', firstName: '大文', lastName: '陳' });
    for (const q of ['ana gar', 'GARC', 'García', 'ana.', 'Ana García '])
      expect(await found(q), q).toEqual([ana]);
    for (const q of ['陳', '陳大', '大文']) expect(await found(q), q).toEqual([chen]);
    const res = await reader.get('/v1/contacts/search?q=an');
    expect(field(res.body, 'contacts', 0)).toMatchObject({
      id: ana,
      email: 'ana.garcia@shop.example',
      firstName: 'Ana',
      lastName: 'García',
    });
    expect(field(res.body, 'next')).toBeUndefined();
    // The ingest scope (a website's key) cannot read contacts.
    expect((await ingest.get('/v1/contacts/search?q=an')).status).toBe(403);
  });

  it('follows a rename and a new email at once, and forgets an erased contact', async () => {
    const id = await made({ email: 'rosa@old.example', firstName: 'Rosa', lastName: 'Martín' });
    expect(await found('rosa')).toEqual([id]);
    const patched = await admin.patch(`/v1/contacts/${id}`, {
      lastName: 'Vidal',
      email: 'rosa.v@new.example',
    });
    expect(patched.status).toBe(200);
    expect(await found('martin')).toEqual([]);
    expect(await found('rosa@old')).toEqual([]);
    expect(await found('vidal')).toEqual([id]);
    expect(await found('rosa.v@')).toEqual([id]);
    expect((await admin.del(`/v1/contacts/${id}`)).status).toBe(200);
    for (const q of ['rosa', 'vidal', 'r']) expect(await found(q), q).not.toContain(id);
  });

  it('pages through next with the same q, each contact once, and refuses a cursor of another q', async () => {
    const ids: string[] = [];
    for (const [i, name] of ['Lucía', 'Luis', 'Lupe', 'Luna', 'Lucas'].entries())
      ids.push(await made({ email: `lu${i}@lu.example`, firstName: name, lastName: 'Lunar' }));
    const seen: string[] = [];
    let cursor: string | undefined;
    let next: unknown;
    for (let n = 0; n < 20; n++) {
      const res = await reader.get(`/v1/contacts/search?q=lu&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = idsOf(res.body);
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page);
      next = field(res.body, 'next');
      cursor = typeof next === 'string' ? encodeURIComponent(next) : undefined;
      if (!cursor) break;
      const other = await reader.get(`/v1/contacts/search?q=ana&cursor=${cursor}`);
      expect(other.status).toBe(422);
      expect(field(other.body, 'error', 'issues', 0, 'path')).toBe('cursor');
    }
    expect(seen).toHaveLength(ids.length);
    expect([...seen].sort()).toEqual([...ids].sort());
  });
});
