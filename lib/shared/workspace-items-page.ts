/**
 * A page of one kind of item of the workspace partition (`<prefix><id>`, ids time-ordered), newest
 * first, optionally of one status: campaigns, journeys. The cursor holds the page's last id; the start
 * key is rebuilt from it. With a status filter a query page may hold fewer matches than it read: it
 * reads on until the page is full or the items end, and gives a cursor only when more may follow.
 */
import * as z from 'zod';
import { cursorCodec } from './cursor.ts';
import { QueryCommand } from './dynamodb/commands.ts';
import { keys } from './keys.ts';
import { readItem, type Table } from './table.ts';

export interface PageOptions<S extends string> {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly status?: S | undefined;
  /** Strongly consistent (twice the read units): a write a moment ago is seen. */
  readonly consistent?: boolean | undefined;
}

export const workspaceItemsPage = <T extends { readonly id: string }, S extends string>(
  table: Table,
  kind: {
    /** The sort key's prefix (`CMP#`). */
    readonly prefix: string;
    readonly record: z.ZodType<T>;
    readonly what: string;
    readonly idSchema: z.ZodType<string>;
  },
) => {
  const cursor = cursorCodec(z.strictObject({ after: kind.idSchema }), kind.what);
  return async (workspaceId: string, options: PageOptions<S>): Promise<{ items: T[]; next?: string }> => {
    const pk = keys.workspacePartition(workspaceId);
    let start: Record<string, unknown> | undefined = options.cursor
      ? { pk, sk: `${kind.prefix}${cursor.decode(options.cursor).after}` }
      : undefined;
    const items: T[] = [];
    for (;;) {
      const page = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: {
            ':pk': pk,
            ':p': kind.prefix,
            ...(options.status ? { ':status': options.status } : {}),
          },
          ...(options.status
            ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
            : {}),
          ScanIndexForward: false,
          ...(options.consistent ? { ConsistentRead: true } : {}),
          Limit: options.status ? 100 : options.limit - items.length,
          ExclusiveStartKey: start,
        }),
      );
      const read = page.Items ?? [];
      for (const [i, raw] of read.entries()) {
        const item = readItem(kind.record, raw, kind.what);
        items.push(item);
        if (items.length === options.limit) {
          const more = i < read.length - 1 || page.LastEvaluatedKey !== undefined;
          return more ? { items, next: cursor.encode({ after: item.id }) } : { items };
        }
      }
      if (!page.LastEvaluatedKey) return { items };
      start = page.LastEvaluatedKey;
    }
  };
};
