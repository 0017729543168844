/**
 * What ecrm itself does to a contact belongs on its timeline too (a marketer looks there first):
 * abandoned checkouts, lifecycle stage changes, segment entries and exits. This table says which
 * bus events those are and what of each an entry shows; one consumer records them, once per event
 * id. They are facts about the contact, not its behaviour: no activity roll-up, no `event.recorded`
 * (scoring and segments already had the original event).
 */
import type { DomainEvent, EventData } from '../shared/events/catalogue.ts';
import type { TimelineDeps } from './deps.ts';
import { toEntry } from './record-on-contact.ts';

interface TimelineFact {
  readonly contactId: string;
  readonly properties: Record<string, unknown>;
}

export type TimelineEventType = 'checkout.abandoned' | 'stage.changed' | 'segment.entered' | 'segment.exited';

const TIMELINE_FACTS: { readonly [K in TimelineEventType]: (data: EventData<K>) => TimelineFact } = {
  'checkout.abandoned': (d: EventData<'checkout.abandoned'>): TimelineFact => ({
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
  'stage.changed': (d: EventData<'stage.changed'>): TimelineFact => ({
    contactId: d.contactId,
    properties: { ...(d.from ? { from: d.from } : {}), to: d.to, by: d.by },
  }),
  'segment.entered': (d: EventData<'segment.entered'>): TimelineFact => ({
    contactId: d.contactId,
    properties: { segmentId: d.segmentId },
  }),
  'segment.exited': (d: EventData<'segment.exited'>): TimelineFact => ({
    contactId: d.contactId,
    properties: { segmentId: d.segmentId },
  }),
};
export const TIMELINE_EVENT_TYPES = Object.keys(TIMELINE_FACTS) as TimelineEventType[];

export const isTimelineEventType = (type: string): type is TimelineEventType =>
  Object.hasOwn(TIMELINE_FACTS, type);

const factOf = <T extends TimelineEventType>(event: DomainEvent<T>): TimelineFact => {
  const describe = TIMELINE_FACTS[event.type];
  return describe(event.data);
};

/** Put a system event on its contact's timeline; a redelivery, or an erased contact, changes nothing. */
export const recordSystemEvent = async <T extends TimelineEventType>(
  event: DomainEvent<T>,
  deps: TimelineDeps,
): Promise<'recorded' | 'duplicate' | 'no contact'> => {
  const { contactId, properties } = factOf(event);
  const entry = toEntry(
    { eventId: event.id, name: event.type, kind: 'system', occurredAt: event.occurredAt, properties },
    await deps.retentionDays(event.workspaceId),
  );
  return deps.timeline.putForContact(event.workspaceId, contactId, entry);
};
