/**
 * Contacts in the table. A contact lives in its own partition (`W#ws#C#id`, sort key `C`), with its
 * timeline beside it; lookup items map a hashed email / external id / anonymous id to the contact and
 * make those identifiers unique per workspace. Every write is conditional on the contact's `rev`
 * (optimistic concurrency) and carries its domain event in `_ev` (the outbox). The contact's search
 * terms (./search.repository.ts) change in the same transaction as the fields they come from, so the
 * search index never holds a term the stored contact does not have.
 */

import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { scoreCounterUpdate } from '../scoring/score-distribution.repository.ts';
import { counterDeltas, positionOf } from '../scoring/score-distribution.ts';
import { cursorCodec, InvalidCursorError, shardNumber } from '../shared/cursor.ts';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
} from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { CONTACT_LIST_SHARDS, type Key, keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import { contactIdSchema } from '../shared/values/identity.schema.ts';
import { type Contact, contactRecord } from './contact.schema.ts';
import { termWrites } from './search.repository.ts';

/** One write of a transaction, built by a repository and passed through a use case unopened. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const lookupRecord = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lookup'), v: z.literal(1), contactId: z.string() }),
  z.object({ type: z.literal('tombstone'), v: z.literal(1), erasedAt: z.string() }),
]);
export type Lookup = z.infer<typeof lookupRecord>;

export interface Identity {
  readonly email?: string | undefined;
  readonly externalId?: string | undefined;
  readonly anonymousId?: string | undefined;
}

export interface IdentityLookups {
  email?: Lookup;
  externalId?: Lookup;
  anonymousId?: Lookup;
}

/** A change to lookup items made in the same transaction as the contact write. */
export interface LookupChanges {
  readonly put?: readonly Key[];
  readonly remove?: readonly Key[];
}

const identityKeys = (ws: string, identity: Identity): Partial<Record<keyof Identity, Key>> => ({
  ...(identity.email ? { email: keys.emailLookup(ws, identity.email) } : {}),
  ...(identity.externalId ? { externalId: keys.externalIdLookup(ws, identity.externalId) } : {}),
  ...(identity.anonymousId ? { anonymousId: keys.anonymousLookup(ws, identity.anonymousId) } : {}),
});

const contactItem = (contact: Contact, event: DomainEvent | undefined) => ({
  ...keys.contact(contact.workspaceId, contact.id),
  ...keys.contactListing(contact.workspaceId, contact.id),
  ...contact,
  ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
});

export const contactsRepository = (table: Table) => {
  const T = table.name;

  const lookupPuts = (contact: Contact, put: readonly Key[]): TransactItem[] =>
    put.map((key) => ({
      Put: {
        TableName: T,
        Item: { ...key, type: 'lookup', v: 1, contactId: contact.id },
        // A tombstone may be replaced: the person came back. Another contact's lookup may not.
        ConditionExpression: 'attribute_not_exists(pk) OR #type = :tomb OR contactId = :id',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':tomb': 'tombstone', ':id': contact.id },
      },
    }));

  const lookupRemovals = (contact: Contact, remove: readonly Key[]): TransactItem[] =>
    remove.map((key) => ({
      Delete: {
        TableName: T,
        Key: key,
        ConditionExpression: 'attribute_not_exists(pk) OR contactId = :id',
        ExpressionAttributeValues: { ':id': contact.id },
      },
    }));

  /** The score distribution's counter change when `contact` goes (lib/scoring/score-distribution.ts). */
  const uncount = (contact: Contact): TransactItem[] => {
    const counted = contact.score?.counted ? positionOf(contact.score) : undefined;
    const update = scoreCounterUpdate(T, contact.workspaceId, contact.id, counterDeltas(counted, undefined));
    return update ? [update] : [];
  };

  const repo = {
    async get(ws: string, contactId: string): Promise<Contact | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: keys.contact(ws, contactId), ConsistentRead: true }),
      );
      return Item ? readItem(contactRecord, Item, 'contact') : undefined;
    },

    /** Resolve identifiers to lookups in one round trip. */
    async lookup(ws: string, identity: Identity): Promise<IdentityLookups> {
      const wanted = identityKeys(ws, identity);
      const entries = Object.entries(wanted);
      if (entries.length === 0) return {};
      const { Responses } = await table.client.send(
        new BatchGetCommand({
          RequestItems: { [T]: { Keys: entries.map(([, k]) => k), ConsistentRead: true } },
        }),
      );
      const found = Responses?.[T] ?? [];
      const out: IdentityLookups = {};
      for (const [name, key] of entries) {
        const item = found.find((i) => i.pk === key.pk && i.sk === key.sk);
        if (item) out[name as keyof Identity] = readItem(lookupRecord, item, 'lookup');
      }
      return out;
    },

    /** Create a contact and claim its identifiers atomically; fails with a condition error on a race. */
    async create(contact: Contact, lookups: readonly Key[], event: DomainEvent): Promise<void> {
      await table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: T,
                Item: contactItem(contact, event),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...lookupPuts(contact, lookups),
            ...termWrites(T, contact.workspaceId, contact.id, undefined, contact),
          ],
        }),
      );
    },

    /**
     * Replace `before` (the contact as read) with `contact` if its rev is still `before.rev`, with lookup
     * and search term changes in the same transaction when there are any. Fails with a condition error
     * when someone else wrote first (and then writes none of it).
     */
    async replace(
      contact: Contact,
      before: Contact,
      event: DomainEvent | undefined,
      lookups: LookupChanges = {},
      extra: readonly TransactItem[] = [],
    ): Promise<void> {
      const put = {
        TableName: T,
        Item: contactItem(contact, event),
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeValues: { ':rev': before.rev },
      };
      const others = [
        ...lookupPuts(contact, lookups.put ?? []),
        ...lookupRemovals(contact, lookups.remove ?? []),
        ...termWrites(T, contact.workspaceId, contact.id, before, contact),
        ...extra,
      ];
      if (others.length === 0) {
        await table.client.send(new PutCommand(put));
        return;
      }
      await table.client.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...others] }));
    },

    /**
     * List contacts shard by shard; the cursor remembers the shard and the position in it. The index
     * holds keys only, so a page is one query per shard touched plus one BatchGetItem.
     */
    async list(ws: string, limit: number, after?: string): Promise<{ contacts: Contact[]; next?: string }> {
      const { found, next } = await repo.listKeys(ws, limit, after);
      return next ? { contacts: await repo.getMany(found), next } : { contacts: await repo.getMany(found) };
    },

    /**
     * Write every search term of `contact` (a backfill of contacts made before search existed),
     * conditional on the contact still being at its rev: a contact changed since it was read is
     * skipped (false), its change having written its own terms. Puts are idempotent: a term already
     * there is rewritten as it was.
     */
    async indexTerms(contact: Contact): Promise<boolean> {
      const puts = termWrites(T, contact.workspaceId, contact.id, undefined, contact);
      if (puts.length === 0) return true;
      try {
        await table.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                ConditionCheck: {
                  TableName: T,
                  Key: keys.contact(contact.workspaceId, contact.id),
                  ConditionExpression: 'rev = :rev',
                  ExpressionAttributeValues: { ':rev': contact.rev },
                },
              },
              ...puts,
            ],
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /**
     * Contacts by key, in the order given (missing ones skipped), BatchGetItem in chunks of 100;
     * `consistent` for strongly consistent reads (a search checks each hit against the stored contact).
     */
    async getMany(contactKeys: readonly Key[], consistent = false): Promise<Contact[]> {
      const byPk = new Map<string, Contact>();
      for (let i = 0; i < contactKeys.length; i += 100) {
        let pending: Record<string, unknown>[] = contactKeys
          .slice(i, i + 100)
          .map((k) => ({ pk: k.pk, sk: k.sk }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
          const result = await table.client.send(
            new BatchGetCommand({ RequestItems: { [T]: { Keys: pending, ConsistentRead: consistent } } }),
          );
          for (const item of result.Responses?.[T] ?? []) {
            const contact = readItem(contactRecord, item, 'contact');
            byPk.set(keys.contact(contact.workspaceId, contact.id).pk, contact);
          }
          pending = result.UnprocessedKeys?.[T]?.Keys ?? [];
          if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        }
      }
      return contactKeys.flatMap((k) => {
        const contact = byPk.get(k.pk);
        return contact ? [contact] : [];
      });
    },

    async listKeys(ws: string, limit: number, after?: string): Promise<{ found: Key[]; next?: string }> {
      const position = after ? contactListCursor.decode(after) : { shard: 0 };
      let { shard } = position;
      // The start key is rebuilt from the validated contact id, and must be in the cursor's shard.
      let start = position.after ? listingStart(ws, shard, position.after) : undefined;
      const contacts: Key[] = [];
      while (shard < CONTACT_LIST_SHARDS && contacts.length < limit) {
        const page = await table.client.send(
          new QueryCommand({
            TableName: T,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.contactListShard(ws, shard) },
            Limit: limit - contacts.length,
            ExclusiveStartKey: start,
          }),
        );
        let last: string | undefined;
        for (const item of page.Items ?? []) {
          if (typeof item.pk === 'string' && typeof item.sk === 'string') {
            contacts.push({ pk: item.pk, sk: item.sk });
            if (typeof item.gsi1sk === 'string') last = item.gsi1sk;
          }
        }
        if (page.LastEvaluatedKey && last) {
          start = listingStart(ws, shard, last);
          if (contacts.length >= limit) {
            return { found: contacts, next: contactListCursor.encode({ shard, after: last }) };
          }
        } else {
          shard += 1;
          start = undefined;
        }
      }
      if (shard >= CONTACT_LIST_SHARDS) return { found: contacts };
      return { found: contacts, next: contactListCursor.encode({ shard }) };
    },

    /**
     * One page of one listing shard, in contact id order after `after`: the ids, the last one read,
     * and whether the shard has no more (a campaign audience by condition reads it shard by shard).
     */
    async shardPage(
      ws: string,
      shard: number,
      limit: number,
      after?: string,
    ): Promise<{ ids: string[]; last?: string; done: boolean }> {
      const page = await table.client.send(
        new QueryCommand({
          TableName: T,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.contactListShard(ws, shard) },
          Limit: limit,
          ...(after ? { ExclusiveStartKey: listingStart(ws, shard, after) } : {}),
        }),
      );
      const ids = (page.Items ?? []).flatMap((i) => (typeof i.gsi1sk === 'string' ? [i.gsi1sk] : []));
      return { ids, last: ids.at(-1) ?? after, done: page.LastEvaluatedKey === undefined };
    },

    /** Every item in a contact's partition (the contact, its timeline, what later features attach). */
    async partitionItems(ws: string, contactId: string): Promise<Record<string, unknown>[]> {
      const out: Record<string, unknown>[] = [];
      for await (const page of paginateQuery(
        { client: table.client },
        {
          TableName: T,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.contactPartition(ws, contactId) },
          ConsistentRead: true,
        },
      )) {
        out.push(...(page.Items ?? []));
      }
      return out;
    },

    /** Delete items by key, 25 at a time, retrying unprocessed ones. */
    async deleteKeys(itemKeys: readonly Key[]): Promise<void> {
      for (let i = 0; i < itemKeys.length; i += 25) {
        let requests: { DeleteRequest: { Key: Record<string, unknown> } }[] = itemKeys
          .slice(i, i + 25)
          .map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } }));
        for (let attempt = 0; requests.length > 0; attempt++) {
          if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed deletes');
          const result = await table.client.send(new BatchWriteCommand({ RequestItems: { [T]: requests } }));
          const left = result.UnprocessedItems?.[T] ?? [];
          requests = left.flatMap((r) =>
            r.DeleteRequest?.Key ? [{ DeleteRequest: { Key: r.DeleteRequest.Key } }] : [],
          );
          if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
    },

    /**
     * The final step of an erase: remove the contact and its search terms and leave hashed tombstones,
     * with the event; a contact counted in the score distribution leaves it in the same transaction.
     */
    async eraseFinal(
      contact: Contact,
      tombstones: readonly Key[],
      removals: readonly Key[],
      event: DomainEvent,
      at: string,
    ) {
      const [first, ...rest] = tombstones;
      await table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // On the contact as read: a concurrent rename would leave its new terms and lookups behind.
              Delete: {
                TableName: T,
                Key: keys.contact(contact.workspaceId, contact.id),
                ConditionExpression: 'rev = :rev',
                ExpressionAttributeValues: { ':rev': contact.rev },
              },
            },
            ...(first
              ? [
                  {
                    Put: {
                      TableName: T,
                      Item: {
                        ...first,
                        type: 'tombstone',
                        v: 1,
                        erasedAt: at,
                        [OUTBOX_ATTRIBUTE]: toOutbox(event),
                      },
                    },
                  },
                ]
              : []),
            ...rest.map((k) => ({
              Put: { TableName: T, Item: { ...k, type: 'tombstone', v: 1, erasedAt: at } },
            })),
            ...removals.map((k) => ({ Delete: { TableName: T, Key: k } })),
            ...termWrites(T, contact.workspaceId, contact.id, contact, undefined),
            ...uncount(contact),
          ],
        }),
      );
    },
  };
  return repo;
};

export type ContactsRepository = ReturnType<typeof contactsRepository>;

/** Where a contact listing stands: the shard, and the last contact id read in it. */
const contactListCursor = cursorCodec(
  z.strictObject({ shard: shardNumber(CONTACT_LIST_SHARDS), after: contactIdSchema.optional() }),
  'contacts',
);

/** The index start key after `contactId` in `shard`; a contact listed in another shard is a forged cursor. */
const listingStart = (ws: string, shard: number, contactId: string) => {
  const listing = keys.contactListing(ws, contactId);
  if (listing.gsi1pk !== keys.contactListShard(ws, shard))
    throw new InvalidCursorError('the contact is not in that shard');
  return { ...listing, ...keys.contact(ws, contactId) };
};
