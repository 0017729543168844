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
  isEventType,
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

/**
 * An outbox record for an item that is the fact itself (a segment membership): the event's data are
 * the item's own attributes, so the item keeps about 60 bytes for its event instead of a copy of its
 * data. `occurredAt` is left out for a removal's event, which happens when the item goes.
 */
export const itemOutboxRecord = z.object({
  id: z.string(),
  type: z.string(),
  workspaceId: z.string(),
  occurredAt: z.string().optional(),
});
export type ItemOutboxRecord = z.infer<typeof itemOutboxRecord>;

/** The outbox value of an event whose data the item itself holds (see {@link itemOutboxRecord}). */
export const toItemOutbox = (event: DomainEvent, { removal = false } = {}): ItemOutboxRecord => ({
  id: event.id,
  type: event.type,
  workspaceId: event.workspaceId,
  ...(removal ? {} : { occurredAt: event.occurredAt }),
});

/**
 * Read an outbox record from a stream image; undefined when the item carries none. An item-data
 * record takes its data from `image` and, when it has no time of its own, the time `at`.
 */
export const fromOutbox = (
  value: unknown,
  image?: Record<string, unknown>,
  at?: string,
): DomainEvent | undefined => {
  if (value === undefined) return undefined;
  const full = outboxRecord.safeParse(value);
  if (full.success) return parseDomainEvent(full.data.type, full.data.detail);
  const record = itemOutboxRecord.parse(value);
  if (!isEventType(record.type)) throw new Error(`unknown event type ${record.type}`);
  const occurredAt = record.occurredAt ?? at;
  if (occurredAt === undefined) throw new Error(`${record.type} ${record.id} has no time`);
  return parseDomainEvent(record.type, {
    id: record.id,
    version: eventDefinition(record.type).version,
    workspaceId: record.workspaceId,
    occurredAt,
    data: image ?? {},
  });
};
