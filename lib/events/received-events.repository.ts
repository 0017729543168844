/**
 * The hot path's only write: one conditional PutItem per event, keyed by the event id. The item is
 * both the dedupe record (a second put with the same id fails its condition) and the outbox entry
 * that carries `track.received` to the bus. It stays small (≈ 1 write unit) and expires by TTL.
 * Once the event is on its contact, the outbox entry (the identity in clear, the properties) is
 * removed: only the key and the TTL stay for the dedupe window.
 */

import { UpdateCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, putOnce, type Table } from '../shared/table.ts';

/** Dedupe window: well past Shopify's 4 h and Stripe's 3 days of retries, and TTL's deletion lag. */
export const DEDUPE_SECONDS = 7 * 24 * 3600;

export const receivedEventsRepository = (table: Table) => ({
  /** Store the event once; returns false when this event id was already received. */
  async putOnce(
    workspaceId: string,
    eventId: string,
    event: DomainEvent,
    nowSeconds: number,
  ): Promise<boolean> {
    const item = {
      ...keys.receivedEvent(workspaceId, eventId),
      ttl: nowSeconds + DEDUPE_SECONDS,
      [OUTBOX_ATTRIBUTE]: toOutbox(event),
    };
    return putOnce(table, item, nowSeconds);
  },

  /**
   * Drop the event's content from its dedupe record once it has been recorded (the relay needed it
   * only for the stream record of the first write). One write unit; never recreates an expired item.
   */
  async forget(workspaceId: string, eventId: string): Promise<void> {
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.receivedEvent(workspaceId, eventId),
          UpdateExpression: 'REMOVE #ev',
          ConditionExpression: 'attribute_exists(#ev)',
          ExpressionAttributeNames: { '#ev': OUTBOX_ATTRIBUTE },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // already forgotten, or expired
    }
  },
});

export type ReceivedEventsRepository = ReturnType<typeof receivedEventsRepository>;
