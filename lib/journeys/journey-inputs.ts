/**
 * What each bus event means to journeys: the contact, the event as triggers, waits and goals read it
 * (a name and properties: a storefront fact's data are its properties), its id (a run started by it
 * is named after it, so a redelivered event never starts a second run), and whether it cancels the
 * contact's runs (unsubscribed from marketing email, or suppressed after a bounce or complaint).
 * An erased contact needs nothing: its runs lived in its partition and went with it.
 */
import type { EventInput } from '../conditions/subject.ts';
import type { DomainEvent, EventType } from '../shared/events/catalogue.ts';
import type { EventMeanings } from '../shared/events/meanings.ts';
import type { RunEnd } from './runs.repository.ts';

export interface JourneyInput {
  readonly contactId: string;
  /** The event's id: runs it starts are named after it. */
  readonly id: string;
  readonly event: EventInput;
  /** The contact's runs end for this reason. */
  readonly cancel?: Extract<RunEnd, 'unsubscribed' | 'suppressed'>;
  /** Fields of the contact that changed (for date triggers on its attributes). */
  readonly changed?: readonly string[];
}

type Data = Readonly<Record<string, unknown>>;

/** A domain event as a journey sees it: its type as the name, its data as the properties. */
const fact =
  <T extends EventType>(extra: (e: DomainEvent<T>) => Partial<JourneyInput> = () => ({})) =>
  (e: DomainEvent<T>): JourneyInput | undefined => {
    const data: Data = e.data;
    const contactId = data.contactId;
    if (typeof contactId !== 'string') return undefined;
    return {
      contactId,
      id: e.id,
      event: { name: e.type, occurredAt: e.occurredAt, properties: data },
      ...extra(e),
    };
  };

export const JOURNEY_INPUTS: EventMeanings<JourneyInput> = {
  'event.recorded': (e) => {
    const { contactId, eventId, name, occurredAt, properties } = e.data;
    if (!contactId) return undefined;
    return { contactId, id: eventId, event: { name, occurredAt, properties } };
  },
  'contact.created': fact((e) => ({ changed: e.data.fields })),
  'contact.updated': fact((e) => ({ changed: e.data.fields })),
  'contact.consent.changed': fact((e) =>
    e.data.channel === 'email' && e.data.status === 'unsubscribed' ? { cancel: 'unsubscribed' } : {},
  ),
  'contact.suppressed': fact(() => ({ cancel: 'suppressed' })),
  'order.placed': fact(),
  'order.updated': fact(),
  'order.refunded': fact(),
  'checkout.started': fact(),
  'checkout.abandoned': fact(),
  'segment.entered': fact(),
  'segment.exited': fact(),
  'stage.changed': fact(),
  'email.engaged': (e) => {
    const { contactId, messageId, kind, at, origin, originId, link } = e.data;
    return {
      contactId,
      id: `${messageId}:${kind}`,
      event: {
        name: `email.${kind}`,
        occurredAt: at,
        properties: { messageId, origin, ...(originId ? { originId } : {}), ...(link ? { link } : {}) },
      },
    };
  },
};
