/**
 * Timeline entries: in the contact's partition (or an anonymous visitor's), sort key
 * `T#<occurredAt>#<eventId>` so a query reads newest first, and the event id makes a replay land on
 * the same item. Each entry expires by TTL; the roll-ups on the contact stay.
 */
import { QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { cancellationCodes, cursor, readItem, type Table } from '../shared/table.ts';
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
    const result = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
        ExpressionAttributeValues: { ':pk': partition, ':t': keys.timelinePrefix },
        ScanIndexForward: false,
        Limit: limit,
        // The cursor is client input: pin it to this partition so it can never read elsewhere.
        ExclusiveStartKey: after ? { ...cursor.decode(after), pk: partition } : undefined,
      }),
    );
    const entries = (result.Items ?? []).map((i) => readItem(timelineEntryRecord, i, 'timeline entry'));
    const next = cursor.encode(result.LastEvaluatedKey);
    return next ? { entries, next } : { entries };
  },
});

export type TimelineRepository = ReturnType<typeof timelineRepository>;
