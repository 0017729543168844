/**
 * Idempotent requests, Stripe's way: a client sends an `Idempotency-Key` header; the first request
 * with that key in the workspace does its work and records, in the same transaction as the work
 * itself, the request's fingerprint (operation, target and body) and the id of what it made. A retry,
 * or the same request racing from another client, finds the record (or loses the transaction to it)
 * and answers with that same resource instead of working again; the same key with a different
 * request is refused with a 409. Records live a day.
 *
 * The email API (`POST /v1/emails`) keeps its own key family (`keys.emailRequest`), whose record is
 * the message id; it shares the key's syntax and header parsing from here.
 */
import { createHash } from 'node:crypto';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { GetCommand } from './dynamodb/commands.ts';
import { ConflictError, ValidationError } from './errors.ts';
import { keys } from './keys.ts';
import { readItem, type Table } from './table.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** How long a key is remembered. */
export const IDEMPOTENCY_SECONDS = 24 * 3600;

export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/** The `Idempotency-Key` header, if any; a malformed one is a 422 naming the header. */
export const parseIdempotencyKey = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid';
    throw new ValidationError(`invalid Idempotency-Key: ${message}`, [{ path: 'Idempotency-Key', message }]);
  }
  return parsed.data;
};

/** What identifies a request: the operation, its target and its body, hashed. */
export const requestFingerprint = (operation: string, ...parts: unknown[]): string =>
  createHash('sha256')
    .update(JSON.stringify([operation, ...parts]))
    .digest('hex');

export const idempotentRequestRecord = z.object({
  type: z.literal('idempotentRequest'),
  v: z.literal(1),
  fingerprint: z.string(),
  /** The id of what the first request made or changed (a campaign id). */
  resourceId: z.string(),
  ttl: z.number().int(),
});
export type IdempotentRequestRecord = z.infer<typeof idempotentRequestRecord>;

export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super(
      'this Idempotency-Key was already used with another request (another route, target or body); ' +
        'use a new key for a new request',
    );
  }
}

/** A remembered key and the request now made with it. */
export interface IdempotentRequest {
  readonly workspaceId: string;
  readonly key: string;
  readonly fingerprint: string;
}

export const idempotentRequestsRepository = (table: Table) => ({
  /** The live record of a key, if any (an expired one that TTL has not removed yet counts as none). */
  async find(workspaceId: string, key: string, now: Date): Promise<IdempotentRequestRecord | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.idempotentRequest(workspaceId, key),
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    const record = readItem(idempotentRequestRecord, Item, 'idempotent request');
    return record.ttl < Math.floor(now.getTime() / 1000) ? undefined : record;
  },

  /**
   * The write that records a key, to put in the transaction of the work it guards: it fails (and so
   * the whole transaction does) when a live record of the key exists.
   */
  recordItem(request: IdempotentRequest, resourceId: string, now: Date): TransactItem {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    return {
      Put: {
        TableName: table.name,
        Item: {
          ...keys.idempotentRequest(request.workspaceId, request.key),
          type: 'idempotentRequest',
          v: 1,
          fingerprint: request.fingerprint,
          resourceId,
          ttl: nowSeconds + IDEMPOTENCY_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':now': nowSeconds },
      },
    };
  },
});
export type IdempotentRequestsRepository = ReturnType<typeof idempotentRequestsRepository>;

/** The resource a remembered key made, if `fingerprint` is the request it was used with. */
export const replayedResource = (record: IdempotentRequestRecord, fingerprint: string): string => {
  if (record.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  return record.resourceId;
};
