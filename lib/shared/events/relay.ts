/**
 * The outbox relay's logic: from table stream records, the domain events that writes stored in
 * `_ev`, each once per write (a write that keeps the previous `_ev` publishes nothing new).
 */
import type { DomainEvent } from './catalogue.ts';
import { fromOutbox, OUTBOX_ATTRIBUTE, OUTBOX_ON_REMOVE_ATTRIBUTE } from './outbox.ts';

export interface StreamChange {
  readonly newImage?: Record<string, unknown> | undefined;
  readonly oldImage?: Record<string, unknown> | undefined;
  /** When the change happened (the stream record's time): a removal's event happens then. */
  readonly at?: string | undefined;
}

export interface RelayBatch {
  readonly events: DomainEvent[];
  /** Records whose outbox entry is malformed: a retry cannot fix them, so they are reported. */
  readonly rejected: { index: number; reason: string }[];
}

const outboxId = (image: Record<string, unknown> | undefined, attribute = OUTBOX_ATTRIBUTE): unknown => {
  const value = image?.[attribute];
  return typeof value === 'object' && value !== null && 'id' in value ? value.id : undefined;
};

export const eventsToRelay = (changes: readonly StreamChange[]): RelayBatch => {
  const events: DomainEvent[] = [];
  const rejected: { index: number; reason: string }[] = [];
  changes.forEach((change, index) => {
    if (change.newImage === undefined) {
      // A removal: publish the event the item kept for this moment, if any.
      if (outboxId(change.oldImage, OUTBOX_ON_REMOVE_ATTRIBUTE) === undefined) return;
      try {
        const event = fromOutbox(change.oldImage?.[OUTBOX_ON_REMOVE_ATTRIBUTE], change.oldImage, change.at);
        if (event) events.push(change.at ? { ...event, occurredAt: change.at } : event);
      } catch (error) {
        rejected.push({ index, reason: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    const id = outboxId(change.newImage);
    if (id === undefined || id === outboxId(change.oldImage)) return;
    try {
      const event = fromOutbox(change.newImage?.[OUTBOX_ATTRIBUTE], change.newImage, change.at);
      if (event) events.push(event);
    } catch (error) {
      rejected.push({ index, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return { events, rejected };
};
