/**
 * What ecrm itself does to a contact belongs on its timeline too (a marketer looks there first):
 * abandoned checkouts, lifecycle stage changes, suppressions (a hard bounce, a complaint), segment
 * entries and exits. This table says which
 * bus events those are and what of each an entry shows; one consumer records them, once per event
 * id. They are facts about the contact, not its behaviour: no activity roll-up, no `event.recorded`
 * (scoring and segments already had the original event).
 */
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { type EventMeanings, meaningOf, typesIn } from '../shared/events/meanings.ts';
import type { TimelineDeps } from './deps.ts';
import { toEntry } from './record-on-contact.ts';

export interface TimelineFact {
  readonly contactId: string;
  readonly properties: Record<string, unknown>;
}

export const TIMELINE_FACTS: EventMeanings<TimelineFact> = {
  'checkout.abandoned': ({ data: d }) => ({
    contactId: d.contactId,
    properties: {
      connectionId: d.connectionId,
      checkoutId: d.checkoutId,
      total: d.total,
      currency: d.currency,
      items: d.lineItems.length,
      ...(d.recoveryUrl ? { recoveryUrl: d.recoveryUrl } : {}),
    },
  }),
  'stage.changed': ({ data: d }) => ({
    contactId: d.contactId,
    properties: { ...(d.from ? { from: d.from } : {}), to: d.to, by: d.by },
  }),
  'contact.suppressed': ({ data: d }) => ({
    contactId: d.contactId,
    properties: { reason: d.reason, ...(d.messageId ? { messageId: d.messageId } : {}) },
  }),
  'segment.entered': ({ data: d }) => ({ contactId: d.contactId, properties: { segmentId: d.segmentId } }),
  'segment.exited': ({ data: d }) => ({ contactId: d.contactId, properties: { segmentId: d.segmentId } }),
};

/** The event types the timeline consumer listens to (its rule's pattern). */
export const TIMELINE_EVENT_TYPES = typesIn(TIMELINE_FACTS);

/** Put a system event on its contact's timeline; a redelivery, or an erased contact, changes nothing. */
export const recordSystemEvent = async (
  event: DomainEvent,
  deps: TimelineDeps,
): Promise<'recorded' | 'duplicate' | 'no contact' | 'not a timeline event'> => {
  const fact = meaningOf(TIMELINE_FACTS, event);
  if (!fact) return 'not a timeline event';
  const entry = toEntry(
    {
      eventId: event.id,
      name: event.type,
      kind: 'system',
      occurredAt: event.occurredAt,
      properties: fact.properties,
    },
    await deps.retentionDays(event.workspaceId),
  );
  return deps.timeline.putForContact(event.workspaceId, fact.contactId, entry);
};
