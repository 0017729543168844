/**
 * Put one event on a known contact's timeline and roll it up on the contact, atomically: the entry's
 * condition (its key is the event id) makes a replay a no-op, the contact's rev makes concurrent
 * roll-ups retry instead of losing a count. The entry carries `event.recorded` in its outbox.
 */

import type { Contact } from '../contacts/contact.schema.ts';
import { retryOnConflict } from '../contacts/retry-on-conflict.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { cancellationCodes } from '../shared/table.ts';
import { rollUp } from './activity.ts';
import type { TimelineDeps } from './deps.ts';
import type { TimelineEntry } from './timeline.schema.ts';

export interface EventFact {
  readonly eventId: string;
  readonly name: string;
  readonly kind: 'track' | 'interaction';
  readonly occurredAt: string;
  readonly properties: Record<string, unknown>;
}

export const ttlFor = (occurredAt: string, retentionDays: number): number =>
  Math.floor(Date.parse(occurredAt) / 1000) + retentionDays * 24 * 3600;

export const toEntry = (
  fact: Omit<EventFact, 'kind'> & { readonly kind: TimelineEntry['kind'] },
  retentionDays: number,
): TimelineEntry => ({
  type: 'timelineEntry',
  v: 1,
  eventId: fact.eventId,
  name: fact.name,
  kind: fact.kind,
  occurredAt: fact.occurredAt,
  properties: fact.properties,
  ttl: ttlFor(fact.occurredAt, retentionDays),
});

export type RecordOutcome = 'recorded' | 'duplicate';

/** The `event.recorded` domain event of a fact, for a contact or an anonymous visitor. */
export const recordedEvent = (
  workspaceId: string,
  fact: EventFact,
  who: { contactId: string } | { anonymousId: string },
  clock: Clock,
) =>
  domainEvent(
    'event.recorded',
    workspaceId,
    {
      eventId: fact.eventId,
      name: fact.name,
      kind: fact.kind,
      occurredAt: fact.occurredAt,
      ...who,
      properties: fact.properties,
    },
    clock,
  );

export const recordOnContact = async (
  workspaceId: string,
  contactId: string,
  fact: EventFact,
  deps: TimelineDeps,
  /** The contact as just read by the caller: saves a read; a stale one only costs a retry. */
  known?: Contact,
): Promise<RecordOutcome> => {
  const entry = toEntry(fact, await deps.retentionDays(workspaceId));
  let prefetched = known?.id === contactId ? known : undefined;
  return retryOnConflict('record event', async () => {
    const contact = prefetched ?? (await deps.contacts.get(workspaceId, contactId));
    prefetched = undefined;
    if (!contact) throw new NotFoundError(`no contact ${contactId}`);
    const event = recordedEvent(workspaceId, fact, { contactId }, deps.clock);
    const next = {
      ...contact,
      rev: contact.rev + 1,
      activity: rollUp(contact.activity, fact.name, fact.occurredAt),
    };
    try {
      await deps.contacts.replace(next, contact, undefined, {}, [
        deps.timeline.putItem(keys.contactPartition(workspaceId, contactId), entry, event),
      ]);
      return 'recorded';
    } catch (error) {
      // Item 0 is the contact (rev), item 1 the entry: a failed entry condition means "seen before".
      if (cancellationCodes(error)[1] === 'ConditionalCheckFailed') return 'duplicate';
      throw error;
    }
  });
};
