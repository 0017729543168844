/**
 * Segment definitions (in the workspace partition, `SG#<id>`) and memberships (one item per member,
 * in the segment's shard partitions). A membership write is the membership change itself, with its
 * `segment.entered` event; the item keeps the `segment.exited` event for its removal, so one write
 * per change carries both facts to the bus.
 */

import * as z from 'zod';
import type { Clock } from '../shared/clock.ts';
import { InvalidCursorError } from '../shared/cursor.ts';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
} from '../shared/dynamodb/commands.ts';
import {
  domainEvent,
  OUTBOX_ATTRIBUTE,
  OUTBOX_ON_REMOVE_ATTRIBUTE,
  toItemOutbox,
} from '../shared/events/outbox.ts';
import { type Key, keys, MEMBERSHIP_SHARDS } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import { type SegmentRecord, segmentRecord } from './segment.schema.ts';

const membershipRecord = z.object({
  type: z.literal('membership'),
  v: z.literal(1),
  segmentId: z.string(),
  contactId: z.string(),
  ruleVersion: z.number().int(),
  enteredAt: z.string(),
});
export type Membership = z.infer<typeof membershipRecord>;

export const segmentsRepository = (table: Table) => {
  const T = table.name;

  const readMemberships = async (wanted: readonly Key[]): Promise<Membership[]> => {
    const found: Membership[] = [];
    for (let i = 0; i < wanted.length; i += 100) {
      let pending: Record<string, unknown>[] = wanted.slice(i, i + 100).map((k) => ({ pk: k.pk, sk: k.sk }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
        const result = await table.client.send(
          new BatchGetCommand({ RequestItems: { [T]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const item of result.Responses?.[T] ?? [])
          found.push(readItem(membershipRecord, item, 'membership'));
        pending = result.UnprocessedKeys?.[T]?.Keys ?? [];
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
      }
    }
    return found;
  };

  return {
    async get(workspaceId: string, segmentId: string): Promise<SegmentRecord | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: keys.segment(workspaceId, segmentId), ConsistentRead: true }),
      );
      return Item ? readItem(segmentRecord, Item, 'segment') : undefined;
    },

    async list(workspaceId: string): Promise<SegmentRecord[]> {
      const out: SegmentRecord[] = [];
      for await (const page of paginateQuery(
        { client: table.client },
        {
          TableName: T,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': keys.workspace(workspaceId).pk, ':p': keys.segmentPrefix },
        },
      )) {
        for (const item of page.Items ?? []) out.push(readItem(segmentRecord, item, 'segment'));
      }
      return out;
    },

    /** Create (expected undefined) or replace when `updatedAt` still matches. */
    async put(segment: SegmentRecord, expectedUpdatedAt?: string): Promise<void> {
      await table.client.send(
        new PutCommand({
          TableName: T,
          Item: { ...keys.segment(segment.workspaceId, segment.id), ...segment },
          ...(expectedUpdatedAt
            ? {
                ConditionExpression: 'updatedAt = :u',
                ExpressionAttributeValues: { ':u': expectedUpdatedAt },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    },

    async remove(workspaceId: string, segmentId: string): Promise<void> {
      await table.client.send(new DeleteCommand({ TableName: T, Key: keys.segment(workspaceId, segmentId) }));
    },

    /** Which of these segments the contact is a member of now (one BatchGetItem per 100 segments). */
    async memberOf(
      workspaceId: string,
      contactId: string,
      segmentIds: readonly string[],
    ): Promise<Set<string>> {
      const found = await readMemberships(
        segmentIds.map((id) => keys.membership(workspaceId, id, contactId)),
      );
      return new Set(found.map((m) => m.segmentId));
    },

    /** Which of these contacts are members of the segment now (one BatchGetItem per 100 contacts). */
    async membersAmong(
      workspaceId: string,
      segmentId: string,
      contactIds: readonly string[],
    ): Promise<Set<string>> {
      const found = await readMemberships(
        contactIds.map((id) => keys.membership(workspaceId, segmentId, id)),
      );
      return new Set(found.map((m) => m.contactId));
    },

    /** Add a member; false when it already was one (a replay). */
    async enter(
      workspaceId: string,
      segmentId: string,
      contactId: string,
      ruleVersion: number,
      clock: Clock,
    ) {
      const data = { segmentId, contactId, ruleVersion };
      const entered = domainEvent('segment.entered', workspaceId, data, clock);
      const exited = domainEvent('segment.exited', workspaceId, data, clock);
      try {
        await table.client.send(
          new PutCommand({
            TableName: T,
            Item: {
              ...keys.membership(workspaceId, segmentId, contactId),
              type: 'membership',
              v: 1,
              ...data,
              enteredAt: clock.now().toISOString(),
              // The membership is the fact: both events take their data from it (~60 bytes each).
              [OUTBOX_ATTRIBUTE]: toItemOutbox(entered),
              [OUTBOX_ON_REMOVE_ATTRIBUTE]: toItemOutbox(exited, { removal: true }),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Remove a member (its stored `segment.exited` goes out); false when it was not one. */
    async exit(workspaceId: string, segmentId: string, contactId: string): Promise<boolean> {
      try {
        await table.client.send(
          new DeleteCommand({
            TableName: T,
            Key: keys.membership(workspaceId, segmentId, contactId),
            ConditionExpression: 'attribute_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** One page of members of one shard, by contact id. */
    async membersPage(
      workspaceId: string,
      segmentId: string,
      shard: number,
      limit: number,
      afterContactId?: string,
    ): Promise<{ contactIds: string[]; next?: string }> {
      const pk = keys.membershipShard(workspaceId, segmentId, shard);
      // Rebuilt from the (validated) contact id; a contact that is not in this shard is not a position in it.
      const start = afterContactId ? keys.membership(workspaceId, segmentId, afterContactId) : undefined;
      if (start && start.pk !== pk) throw new InvalidCursorError('the contact is not in that shard');
      const page = await table.client.send(
        new QueryCommand({
          TableName: T,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      const contactIds = (page.Items ?? []).map((i) => readItem(membershipRecord, i, 'membership').contactId);
      const last = contactIds.at(-1);
      return page.LastEvaluatedKey && last ? { contactIds, next: last } : { contactIds };
    },

    /** Exact member count: a COUNT query per shard, in parallel (reads keys only, about 0.1 KB a member). */
    async count(workspaceId: string, segmentId: string): Promise<number> {
      const perShard = await Promise.all(
        Array.from({ length: MEMBERSHIP_SHARDS }, async (_, shard) => {
          let total = 0;
          for await (const page of paginateQuery(
            { client: table.client },
            {
              TableName: T,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': keys.membershipShard(workspaceId, segmentId, shard) },
              Select: 'COUNT',
            },
          )) {
            total += page.Count ?? 0;
          }
          return total;
        }),
      );
      return perShard.reduce((a, b) => a + b, 0);
    },
  };
};

export type SegmentsRepository = ReturnType<typeof segmentsRepository>;
