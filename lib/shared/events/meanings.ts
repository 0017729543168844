/**
 * A bus consumer's domain knowledge as data: for each event type it listens to, what that event means
 * to its capability (which contact, which fields changed, which dedupe id an input carries...). The
 * reading is pure; the use case acts on its result, and the consumer's bus pattern is built from the
 * table's types, so what a function receives and what it understands cannot drift.
 */
import { type DomainEvent, type EventType, eventTypes } from './catalogue.ts';

/**
 * Event type → what an event of that type means to one consumer, or `undefined` when this particular
 * event means nothing to it (an `event.recorded` of an anonymous visitor, for segments).
 */
export type EventMeanings<M> = {
  readonly [T in EventType]?: (event: DomainEvent<T>) => M | undefined;
};

/** The event types a table gives a meaning to, in catalogue order. */
export const typesIn = <M>(meanings: EventMeanings<M>): EventType[] =>
  eventTypes.filter((type) => meanings[type] !== undefined);

/** What `event` means according to the table; `undefined` for a type the table does not list. */
export const meaningOf = <M>(meanings: EventMeanings<M>, event: DomainEvent): M | undefined => {
  // The entry under `event.type` reads exactly that type: the mapped type keys each reader by it.
  const read = meanings[event.type] as ((event: DomainEvent) => M | undefined) | undefined;
  return read?.(event);
};
