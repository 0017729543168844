/**
 * The contact search index in the table: one small item per search term of a contact, keyed
 * `W#ws#ST#<shard>` / `<term>\u001f<contactId>` (see `keys.searchTerm`), in the base table rather than a
 * GSI so that a search reads it strongly consistently and a term costs one item, not two. The items
 * are written and deleted in the same transaction as the contact change that makes or unmakes them
 * (`termWrites`), so the index holds exactly the terms of the stored contact.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { QueryCommand } from '../shared/dynamodb/commands.ts';
import { keys, SEARCH_TERM_SEPARATOR } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';
import { type Searchable, termChanges } from './search-terms.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const searchTermRecord = z.object({
  type: z.literal('searchTerm'),
  v: z.literal(1),
  sk: z.string(),
  contactId: z.string(),
});

/** One hit of a shard query: the term, the contact it belongs to, and the sort key (the position). */
export interface TermHit {
  readonly term: string;
  readonly contactId: string;
  readonly sk: string;
}

/**
 * The transaction items that move a contact's search terms from `before` to `after` (either absent:
 * a creation or an erasure). Nothing when the searchable fields did not change.
 */
export const termWrites = (
  tableName: string,
  workspaceId: string,
  contactId: string,
  before: Searchable | undefined,
  after: Searchable | undefined,
): TransactItem[] => {
  const { added, removed } = termChanges(before, after);
  return [
    ...added.map(
      (term): TransactItem => ({
        Put: {
          TableName: tableName,
          Item: { ...keys.searchTerm(workspaceId, term, contactId), type: 'searchTerm', v: 1, contactId },
        },
      }),
    ),
    ...removed.map(
      (term): TransactItem => ({
        Delete: { TableName: tableName, Key: keys.searchTerm(workspaceId, term, contactId) },
      }),
    ),
  ];
};

export const searchRepository = (table: Table) => ({
  /**
   * Up to `limit` terms starting with `prefix` in one shard, in sort key order, after the sort key
   * `after` (a position read from a validated cursor, always starting with `prefix`). Strongly
   * consistent: a term deleted by a rename is never read back.
   */
  async shardPage(
    workspaceId: string,
    shard: number,
    prefix: string,
    limit: number,
    after?: string,
  ): Promise<{ hits: TermHit[]; more: boolean }> {
    const pk = keys.searchShard(workspaceId, shard);
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        Limit: limit,
        ConsistentRead: true,
        ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
      }),
    );
    const hits = (page.Items ?? []).map((item) => {
      const { sk, contactId } = readItem(searchTermRecord, item, 'search term');
      const term = sk.slice(0, sk.length - contactId.length - SEARCH_TERM_SEPARATOR.length);
      return { term, contactId, sk };
    });
    return { hits, more: page.LastEvaluatedKey !== undefined };
  },
});

export type SearchRepository = ReturnType<typeof searchRepository>;
