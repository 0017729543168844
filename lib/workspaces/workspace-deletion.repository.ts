/**
 * Deleting a workspace with all its data. Its items span many partitions (`W#<ws>` and
 * `W#<ws>#…`: contacts, lookups, deliveries, memberships…) and no index lists them all, so the one
 * complete way is a parallel Scan of the whole table filtered on the key prefix, deleting what
 * matches in batches of 25. Its cost is a read of the whole table (whatever the workspace's share)
 * plus one delete per item. Each scan segment checkpoints its position and counts after every page
 * in a record outside the workspace's prefix, so a killed run resumes where it stopped.
 */

import * as z from 'zod';
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '../shared/dynamodb/commands.ts';
import { type Key, keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';

const segmentProgress = z.object({
  /** Where this scan segment resumes (absent before the first page, and when done). */
  next: z.record(z.string(), z.string()).optional(),
  done: z.boolean(),
  scanned: z.number().int(),
  deleted: z.number().int(),
});
export type SegmentProgress = z.infer<typeof segmentProgress>;

export const workspaceDeletionRecord = z.object({
  type: z.literal('workspaceDeletion'),
  v: z.literal(1),
  workspaceId: z.string(),
  startedAt: z.string(),
  status: z.enum(['running', 'done']),
  finishedAt: z.string().optional(),
  segments: z.array(segmentProgress).min(1),
});
export type WorkspaceDeletion = z.infer<typeof workspaceDeletionRecord>;

const isKey = (item: Record<string, unknown>): item is Record<string, unknown> & Key =>
  typeof item.pk === 'string' && typeof item.sk === 'string';

export const workspaceDeletionRepository = (table: Table) => ({
  async get(workspaceId: string): Promise<WorkspaceDeletion | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.workspaceDeletion(workspaceId),
        ConsistentRead: true,
      }),
    );
    return Item ? readItem(workspaceDeletionRecord, Item, 'workspace deletion') : undefined;
  },

  async start(deletion: WorkspaceDeletion): Promise<void> {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: { ...keys.workspaceDeletion(deletion.workspaceId), ...deletion },
      }),
    );
  },

  /** Record one segment's progress (each segment owns its slot: no two writers touch one). */
  async checkpoint(workspaceId: string, segment: number, progress: SegmentProgress): Promise<void> {
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.workspaceDeletion(workspaceId),
        UpdateExpression: `SET #segments[${segment}] = :p`,
        ExpressionAttributeNames: { '#segments': 'segments' },
        ExpressionAttributeValues: { ':p': progress },
      }),
    );
  },

  async finish(workspaceId: string, at: string): Promise<void> {
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.workspaceDeletion(workspaceId),
        UpdateExpression: 'SET #status = :done, finishedAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':at': at },
      }),
    );
  },

  /** One page of one scan segment: the keys of the workspace's items in it, and where to go on. */
  async scanPage(
    workspaceId: string,
    segment: number,
    totalSegments: number,
    pageSize: number,
    start: Record<string, string> | undefined,
  ): Promise<{ keys: Key[]; scanned: number; next?: Record<string, string> }> {
    const page = await table.client.send(
      new ScanCommand({
        TableName: table.name,
        Segment: segment,
        TotalSegments: totalSegments,
        Limit: pageSize,
        // `W#ws_a` is a prefix of `W#ws_ab`: the workspace partition is matched exactly, the
        // others by the prefix with its separator.
        FilterExpression: 'pk = :ws OR begins_with(pk, :child)',
        ProjectionExpression: 'pk, sk',
        ExpressionAttributeValues: {
          ':ws': keys.workspacePartition(workspaceId),
          ':child': keys.workspaceChildPrefix(workspaceId),
        },
        ExclusiveStartKey: start,
      }),
    );
    const found = (page.Items ?? []).filter(isKey).map((i) => ({ pk: i.pk, sk: i.sk }));
    // A member's own copy of the membership lives under the user (`U#<user>`), outside the prefix.
    const partition = keys.workspacePartition(workspaceId);
    for (const k of [...found])
      if (k.pk === partition && k.sk.startsWith(keys.memberPrefix))
        found.push(keys.userMembership(k.sk.slice(keys.memberPrefix.length), workspaceId));
    const last = page.LastEvaluatedKey;
    const next = last ? Object.fromEntries(Object.entries(last).map(([k, v]) => [k, String(v)])) : undefined;
    return next
      ? { keys: found, scanned: page.ScannedCount ?? 0, next }
      : { keys: found, scanned: page.ScannedCount ?? 0 };
  },

  /** Delete items by key, 25 per request, retrying unprocessed ones with backoff. */
  async deleteKeys(itemKeys: readonly Key[]): Promise<void> {
    for (let i = 0; i < itemKeys.length; i += 25) {
      let requests: { DeleteRequest: { Key: Record<string, unknown> } }[] = itemKeys
        .slice(i, i + 25)
        .map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed deletes');
        const result = await table.client.send(
          new BatchWriteCommand({ RequestItems: { [table.name]: requests } }),
        );
        requests = (result.UnprocessedItems?.[table.name] ?? []).flatMap((r) =>
          r.DeleteRequest?.Key ? [{ DeleteRequest: { Key: r.DeleteRequest.Key } }] : [],
        );
        if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  },
});

export type WorkspaceDeletionRepository = ReturnType<typeof workspaceDeletionRepository>;
