/**
 * Timeline entries: in the contact's partition (or an anonymous visitor's), sort key
 * `T#<occurredAt>#<eventId>` so a query reads newest first, and the event id makes a replay land on
 * the same item. Each entry expires by TTL; the roll-ups on the contact stay.
 */

import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { cursorCodec } from '../shared/cursor.ts';
import { QueryCommand, TransactWriteCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { cancellationCodes, readItem, type Table } from '../shared/table.ts';
import { type TimelineEntry, timelineEntryRecord } from './timeline.schema.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const timelineRepository = (table: Table) => ({
  /** A conditional put of an entry, to run in the same transaction as the contact's roll-up. */
  putItem(partition: string, entry: TimelineEntry, event: DomainEvent | undefined): TransactItem {
    return {
      Put: {
        TableName: table.name,
        Item: {
          ...keys.timelineEntry(partition, entry.occurredAt, entry.eventId),
          ...entry,
          ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  },

  /**
   * Put an entry on a contact's timeline only while the contact exists (so an entry can never
   * outlive an erasure in an orphaned partition), once per event id.
   */
  async putForContact(
    workspaceId: string,
    contactId: string,
    entry: TimelineEntry,
  ): Promise<'recorded' | 'duplicate' | 'no contact'> {
    try {
      await table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: table.name,
                Key: keys.contact(workspaceId, contactId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            this.putItem(keys.contactPartition(workspaceId, contactId), entry, undefined),
          ],
        }),
      );
      return 'recorded';
    } catch (error) {
      const [contact, put] = cancellationCodes(error);
      if (contact === 'ConditionalCheckFailed') return 'no contact';
      if (put === 'ConditionalCheckFailed') return 'duplicate';
      throw error;
    }
  },

  deleteItem(partition: string, entry: TimelineEntry): TransactItem {
    return {
      Delete: { TableName: table.name, Key: keys.timelineEntry(partition, entry.occurredAt, entry.eventId) },
    };
  },

  /** Newest first. */
  async page(
    partition: string,
    limit: number,
    after?: string,
  ): Promise<{ entries: TimelineEntry[]; next?: string }> {
    const position = after ? timelineCursor.decode(after) : undefined;
    const result = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
        ExpressionAttributeValues: { ':pk': partition, ':t': keys.timelinePrefix },
        ScanIndexForward: false,
        Limit: limit,
        // The start key is rebuilt from the validated position, in this partition only.
        ExclusiveStartKey: position ? keys.timelineEntry(partition, position.at, position.id) : undefined,
      }),
    );
    const entries = (result.Items ?? []).map((i) => readItem(timelineEntryRecord, i, 'timeline entry'));
    const last = entries.at(-1);
    return result.LastEvaluatedKey && last
      ? { entries, next: timelineCursor.encode({ at: last.occurredAt, id: last.eventId }) }
      : { entries };
  },
});

export type TimelineRepository = ReturnType<typeof timelineRepository>;

/** Where a timeline page ends: the last entry's time and event id (its sort key, rebuilt by `keys`). */
const timelineCursor = cursorCodec(
  z.strictObject({
    at: z
      .string()
      .max(40)
      .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, 'not a timestamp'),
    // Any entry's id (tracked, interaction, or written by another capability); the key prefix keeps
    // the start inside this partition's timeline whatever it holds.
    id: z
      .string()
      .min(1)
      .max(256)
      .refine((id) => ![...id].some((c) => c < ' '), 'not an entry id'),
  }),
  'timeline',
);

/** A page cursor as the position its page starts after, and an entry's position as a cursor. */
export const timelinePositions = {
  after: (cursor: string): { readonly at: string; readonly id: string } => timelineCursor.decode(cursor),
  cursorAt: (entry: Pick<TimelineEntry, 'occurredAt' | 'eventId'>): string =>
    timelineCursor.encode({ at: entry.occurredAt, id: entry.eventId }),
};
