/**
 * The hot path's only write: one conditional PutItem per event, keyed by the event id. The item is
 * both the dedupe record (a second put with the same id fails its condition) and the outbox entry
 * that carries `track.received` to the bus. It stays small (≈ 1 write unit) and expires by TTL.
 */
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { putOnce, type Table } from '../shared/table.ts';

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
});

export type ReceivedEventsRepository = ReturnType<typeof receivedEventsRepository>;
