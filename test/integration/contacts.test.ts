import { beforeAll, describe, expect, it } from 'vitest';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { eraseContact } from '../../lib/contacts/erase-contact.ts';
import { exportContact } from '../../lib/contacts/export-contact.ts';
import { findContact, getContact, listContacts } from '../../lib/contacts/read-contacts.ts';
import { setConsent } from '../../lib/contacts/set-consent.ts';
import { updateContact } from '../../lib/contacts/update-contact.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { logInteraction } from '../../lib/events/log-interaction.ts';
import { QueryCommand } from '../../lib/shared/dynamodb/commands.ts';
import { ConflictError, NotFoundError, PayloadTooLargeError } from '../../lib/shared/errors.ts';
import { keys } from '../../lib/shared/keys.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let deps: RealDeps;
let ws: string;

beforeAll(async () => {
  deps = realDeps();
  ws = await newWorkspace(deps);
});

const input = (o: Record<string, unknown>) => upsertContactBody.parse(o);

describe('contacts on DynamoDB Local', () => {
  it('upsert is idempotent: one contact, and the repeat writes nothing', async () => {
    const first = await upsertContact(ws, input({ email: 'Ana@Example.com', firstName: 'Ana' }), 'api', deps);
    const again = await upsertContact(ws, input({ email: 'ana@example.com', firstName: 'Ana' }), 'api', deps);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.changed).toEqual([]);
    expect(again.contact.id).toBe(first.contact.id);
    expect(again.contact.rev).toBe(first.contact.rev);
    expect((await findContact(ws, { email: 'ANA@example.com' }, deps)).id).toBe(first.contact.id);
  });

  it('concurrent upserts of one new email make one contact', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        upsertContact(ws, input({ email: 'race@example.com', attributes: { [`k${i}`]: i } }), 'api', deps),
      ),
    );
    const ids = new Set(results.map((r) => r.contact.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const stored = await getContact(ws, id ?? '', deps);
    // Every writer's attribute survived: no lost update.
    expect(Object.keys(stored.attributes).sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
  });

  it('finds by external id and refuses an email that belongs to someone else', async () => {
    const a = await upsertContact(
      ws,
      input({ externalId: 'shop-42', email: 'one@example.com' }),
      'api',
      deps,
    );
    await upsertContact(ws, input({ email: 'two@example.com' }), 'api', deps);
    expect((await findContact(ws, { externalId: 'shop-42' }, deps)).id).toBe(a.contact.id);
    await expect(updateContact(ws, a.contact.id, { email: 'two@example.com' }, deps)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      upsertContact(ws, input({ externalId: 'shop-42', email: 'two@example.com' }), 'api', deps),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('an email change moves the lookup', async () => {
    const a = await upsertContact(ws, input({ email: 'old@example.com' }), 'api', deps);
    await updateContact(ws, a.contact.id, { email: 'new@example.com' }, deps);
    expect((await findContact(ws, { email: 'new@example.com' }, deps)).id).toBe(a.contact.id);
    await expect(findContact(ws, { email: 'old@example.com' }, deps)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses oversized attributes without touching the stored contact', async () => {
    const a = await upsertContact(
      ws,
      input({ email: 'big@example.com', attributes: { plan: 'pro' } }),
      'api',
      deps,
    );
    const big = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, 'x'.repeat(1000)]));
    await expect(updateContact(ws, a.contact.id, { attributes: big }, deps)).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
    expect((await getContact(ws, a.contact.id, deps)).attributes).toEqual({ plan: 'pro' });
  });

  it('records consent with its source and time', async () => {
    const a = await upsertContact(ws, input({ email: 'consent@example.com' }), 'api', deps);
    const c = await setConsent(
      ws,
      a.contact.id,
      { channel: 'email', status: 'subscribed', source: 'footer-form' },
      deps,
    );
    expect(c.consent.email).toMatchObject({ status: 'subscribed', source: 'footer-form' });
    expect(c.consent.email?.at).toMatch(/^\d{4}-/);
  });

  it('lists every contact exactly once across pages and shards', async () => {
    const w = await newWorkspace(deps);
    const made = await Promise.all(
      Array.from({ length: 23 }, (_, i) =>
        upsertContact(w, input({ email: `p${i}@example.com` }), 'api', deps),
      ),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listContacts(w, { limit: 5, cursor }, deps);
      expect(page.contacts.length).toBeLessThanOrEqual(5);
      seen.push(...page.contacts.map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    expect(seen.sort()).toEqual(made.map((m) => m.contact.id).sort());
  });

  it('erase removes the contact, its timeline and indexes; a hashed tombstone keeps it suppressed', async () => {
    const a = await upsertContact(
      ws,
      input({ email: 'gone@example.com', externalId: 'gone-1', anonymousId: 'anon-gone' }),
      'api',
      deps,
    );
    await logInteraction(
      ws,
      a.contact.id,
      { kind: 'call', summary: 'asked to be forgotten', by: 'staff@shop' },
      deps,
    );
    const exported = await exportContact(ws, a.contact.id, deps);
    expect(exported.contact.email).toBe('gone@example.com');
    expect(exported.timeline).toHaveLength(1);

    const { itemsDeleted } = await eraseContact(ws, a.contact.id, deps);
    expect(itemsDeleted).toBeGreaterThanOrEqual(3);
    await expect(getContact(ws, a.contact.id, deps)).rejects.toBeInstanceOf(NotFoundError);
    const left = await deps.table.client.send(
      new QueryCommand({
        TableName: deps.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.contactPartition(ws, a.contact.id) },
      }),
    );
    expect(left.Items).toEqual([]);
    const lookups = await deps.contacts.lookup(ws, {
      email: 'gone@example.com',
      externalId: 'gone-1',
      anonymousId: 'anon-gone',
    });
    expect(lookups.email?.type).toBe('tombstone');
    expect(lookups.anonymousId).toBeUndefined();
    // No clear-text identifier is left anywhere in the tombstone.
    expect(JSON.stringify(lookups)).not.toContain('gone@example.com');

    const back = await upsertContact(ws, input({ email: 'gone@example.com' }), 'webhook', deps);
    expect(back.created).toBe(true);
    expect(back.contact.suppression?.reason).toBe('erased');
  });
});
