/**
 * The outbox on the item: a write that records a fact also stores the domain event it implies, in the
 * `_ev` attribute of the same item, in the same request. The table stream carries it to the relay,
 * which publishes it to the bus; so a stored fact and its event never diverge, even if the process
 * dies right after the write. The relay publishes when `_ev.id` is new on the item.
 */
import * as z from 'zod';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import {
  type DomainEvent,
  type EventData,
  type EventType,
  eventDefinition,
  parseDomainEvent,
} from './catalogue.ts';

export const OUTBOX_ATTRIBUTE = '_ev';
/**
 * The event of an item's removal, stored on the item while it lives (a delete cannot carry an
 * attribute): the relay publishes it from the stream's REMOVE record, so "left" facts (a contact
 * leaving a segment) are as crash-safe as "entered" ones.
 */
export const OUTBOX_ON_REMOVE_ATTRIBUTE = '_evGone';

export const outboxRecord = z.object({
  id: z.string(),
  type: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type OutboxRecord = z.infer<typeof outboxRecord>;

/** Build a domain event, validated against the catalogue now rather than at publish time. */
export const domainEvent = <T extends EventType>(
  type: T,
  workspaceId: string,
  data: EventData<T>,
  clock: Clock,
): DomainEvent<T> => {
  const def = eventDefinition(type);
  const now = clock.now();
  const event = {
    id: newId('ev', now),
    type,
    version: def.version,
    workspaceId,
    occurredAt: now.toISOString(),
    data: def.data.parse(data),
  };
  return event as DomainEvent<T>;
};

/** The `_ev` attribute value for an event. */
export const toOutbox = (event: DomainEvent): OutboxRecord => ({
  id: event.id,
  type: event.type,
  detail: {
    id: event.id,
    version: event.version,
    workspaceId: event.workspaceId,
    occurredAt: event.occurredAt,
    data: event.data,
  },
});

/** Read an outbox record from a stream image; undefined when the item carries none. */
export const fromOutbox = (value: unknown): DomainEvent | undefined => {
  if (value === undefined) return undefined;
  const record = outboxRecord.parse(value);
  return parseDomainEvent(record.type, record.detail);
};
