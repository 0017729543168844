/**
 * Events of a visitor nobody has identified yet wait in the visitor's own partition. When the
 * visitor identifies, `attachAnonymousEvents` moves them onto the contact (each move is
 * record-then-delete, so a crash midway only repeats work, never loses an event).
 */
import { PutCommand, paginateQuery } from '../shared/dynamodb/commands.ts';
import { domainEvent, OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import type { TimelineDeps } from './deps.ts';
import {
  type EventFact,
  type RecordOutcome,
  recordedEvent,
  recordOnContact,
  toEntry,
} from './record-on-contact.ts';
import { timelineEntryRecord } from './timeline.schema.ts';

export interface AnonymousDeps extends TimelineDeps {
  readonly table: Table;
}

export const recordAnonymous = async (
  workspaceId: string,
  anonymousId: string,
  fact: EventFact,
  deps: AnonymousDeps,
): Promise<RecordOutcome> => {
  const entry = toEntry(fact, await deps.retentionDays(workspaceId));
  const event = recordedEvent(workspaceId, fact, { anonymousId }, deps.clock);
  const put = deps.timeline.putItem(keys.anonymousPartition(workspaceId, anonymousId), entry, event).Put;
  if (!put) throw new Error('timeline put item missing');
  try {
    await deps.table.client.send(new PutCommand(put));
    return 'recorded';
  } catch (error) {
    if (isConditionFailure(error)) return 'duplicate';
    throw error;
  }
};

/** Move an anonymous visitor's waiting events to the contact; returns how many were moved. */
export const attachAnonymousEvents = async (
  workspaceId: string,
  contactId: string,
  anonymousId: string,
  deps: AnonymousDeps,
): Promise<number> => {
  const partition = keys.anonymousPartition(workspaceId, anonymousId);
  let moved = 0;
  for await (const page of paginateQuery(
    { client: deps.table.client },
    {
      TableName: deps.table.name,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
      ExpressionAttributeValues: { ':pk': partition, ':t': keys.timelinePrefix },
      ConsistentRead: true,
    },
  )) {
    for (const item of page.Items ?? []) {
      const entry = readItem(timelineEntryRecord, item, 'timeline entry');
      // A visitor's partition only holds what the site sent (system and email entries name a contact).
      if (entry.kind === 'track' || entry.kind === 'interaction')
        await recordOnContact(workspaceId, contactId, { ...entry, kind: entry.kind }, deps);
      await deps.contacts.deleteKeys([keys.timelineEntry(partition, entry.occurredAt, entry.eventId)]);
      moved += 1;
    }
  }
  if (moved > 0) {
    const event = domainEvent(
      'contact.identified',
      workspaceId,
      { contactId, anonymousId, eventsMoved: moved },
      deps.clock,
    );
    await deps.table.client.send(
      new PutCommand({
        TableName: deps.table.name,
        Item: {
          ...keys.anonymousLookup(workspaceId, anonymousId),
          type: 'lookup',
          v: 1,
          contactId,
          [OUTBOX_ATTRIBUTE]: toOutbox(event),
        },
      }),
    );
  }
  return moved;
};
