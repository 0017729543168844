/**
 * Behind the bus: attach a received track event to the person it names. Email or external id find
 * (or create) the contact; an anonymous id alone waits in the visitor's partition until they
 * identify. Replays are harmless: every step is keyed by the event id.
 */
import { identifyContact } from '../contacts/identify-contact.ts';
import type { EventData } from '../shared/events/catalogue.ts';
import type { ReceivedEventsRepository } from './received-events.repository.ts';
import { type AnonymousDeps, attachAnonymousEvents, recordAnonymous } from './record-anonymous.ts';
import { type RecordOutcome, recordOnContact } from './record-on-contact.ts';

export interface RecordReceivedDeps extends AnonymousDeps {
  readonly received: ReceivedEventsRepository;
}

/**
 * Record the event, then drop its content from the dedupe record: after this, the identity it
 * named is kept only where the contact's erasure finds it.
 */
export const recordReceivedEvent = async (
  workspaceId: string,
  received: EventData<'track.received'>,
  deps: RecordReceivedDeps,
): Promise<RecordOutcome> => {
  const outcome = await attach(workspaceId, received, deps);
  await deps.received.forget(workspaceId, received.eventId);
  return outcome;
};

const attach = async (
  workspaceId: string,
  received: EventData<'track.received'>,
  deps: AnonymousDeps,
): Promise<RecordOutcome> => {
  const { identity } = received;
  const fact = {
    eventId: received.eventId,
    name: received.name,
    kind: received.kind,
    occurredAt: received.occurredAt,
    properties: received.properties,
  };
  if (identity.email || identity.externalId) {
    const { contact, eventsAttached } = await identifyContact(
      workspaceId,
      { email: identity.email, externalId: identity.externalId, anonymousId: identity.anonymousId },
      'track',
      deps,
    );
    return recordOnContact(workspaceId, contact.id, fact, deps, eventsAttached === 0 ? contact : undefined);
  }
  const anonymousId = identity.anonymousId;
  if (!anonymousId) return 'duplicate';
  const known = await deps.contacts.lookup(workspaceId, { anonymousId });
  if (known.anonymousId?.type === 'lookup') {
    return recordOnContact(workspaceId, known.anonymousId.contactId, fact, deps);
  }
  const outcome = await recordAnonymous(workspaceId, anonymousId, fact, deps);
  // The visitor may have identified while we wrote: look again, so no event is left behind.
  const after = await deps.contacts.lookup(workspaceId, { anonymousId });
  if (after.anonymousId?.type === 'lookup') {
    await attachAnonymousEvents(workspaceId, after.anonymousId.contactId, anonymousId, deps);
  }
  return outcome;
};
