/**
 * The table port: the document client and the table name, passed to repositories as one value.
 * Items are read back through their zod schema (`readItem`), never with `as`.
 */

import { unmarshall } from '@aws-sdk/util-dynamodb';
import type * as z from 'zod';
import { PutCommand } from './dynamodb/commands.ts';
import type { DocumentClient } from './dynamodb/document-client.ts';

export interface Table {
  readonly client: DocumentClient;
  readonly name: string;
}

/** Attributes every stored item has besides its keys. */
export interface ItemMeta {
  readonly type: string;
  readonly v: number;
}

export class CorruptItemError extends Error {}

/** Parse a stored item with its schema; a mismatch is a bug or a migration gap, never silently ignored. */
export const readItem = <S extends z.ZodType>(schema: S, item: unknown, what: string): z.infer<S> => {
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptItemError(
      `stored ${what} does not match its schema at ${issue?.path.join('.')}: ${issue?.message}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
};

/** True when a DynamoDB error is a failed condition (plain or inside a cancelled transaction). */
export const isConditionFailure = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  if (error.name === 'TransactionCanceledException' && 'CancellationReasons' in error) {
    const reasons = error.CancellationReasons;
    return (
      Array.isArray(reasons) &&
      reasons.some(
        (r: unknown) =>
          typeof r === 'object' && r !== null && 'Code' in r && r.Code === 'ConditionalCheckFailed',
      )
    );
  }
  return false;
};

/** The per-item codes of a cancelled transaction, in request order ('None' where an item was fine). */
export const cancellationCodes = (error: unknown): string[] => {
  if (
    !(error instanceof Error) ||
    error.name !== 'TransactionCanceledException' ||
    !('CancellationReasons' in error)
  ) {
    return [];
  }
  const reasons = error.CancellationReasons;
  if (!Array.isArray(reasons)) return [];
  return reasons.map((r: unknown) =>
    typeof r === 'object' && r !== null && 'Code' in r && typeof r.Code === 'string' ? r.Code : 'None',
  );
};

/**
 * Store an item unless a live one with the same key exists: the dedupe write used for deliveries
 * and events. An item past its `ttl` that TTL has not deleted yet no longer counts. Returns false for
 * a duplicate.
 */
export const putOnce = async (
  table: Table,
  item: Record<string, unknown> & { ttl: number },
  nowSeconds: number,
) => {
  try {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':now': nowSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * The item a failed conditional write returns (`ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`), as
 * plain values: DynamoDB and the document client hand it back as attribute values. Undefined when
 * the error carries none (the item did not exist).
 */
export const conditionFailureItem = (error: unknown): Record<string, unknown> | undefined => {
  const item = error instanceof Error && 'Item' in error ? error.Item : undefined;
  if (item === undefined || item === null || typeof item !== 'object') return undefined;
  const values = Object.values(item);
  const marshalled =
    values.length > 0 &&
    values.every(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1,
    );
  return marshalled ? unmarshall(item as Parameters<typeof unmarshall>[0]) : { ...item };
};

/** True when a transaction was cancelled because another one was writing one of its items at once. */
export const isTransactionConflict = (error: unknown): boolean =>
  cancellationCodes(error).includes('TransactionConflict') ||
  (error instanceof Error && error.name === 'TransactionConflictException');

/**
 * Sends a transaction again when it conflicted with a parallel one (nothing of it was written, so it
 * can be sent as it is), a few times with a short random wait; any other error is thrown at once.
 * For transactions that share a hot item, e.g. a workspace's fan-out marker.
 */
export const retryingConflicts = async <T>(write: () => Promise<T>, attempts = 6): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
};
