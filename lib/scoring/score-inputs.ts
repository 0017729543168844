/**
 * What each bus event means to lead scoring: the contact, and the input it scores with its dedupe id
 * (the history entry's key, so a redelivered event scores once). Events earn engagement points and
 * move stages; profile changes re-check the fit rules.
 */
import type { EventMeanings } from '../shared/events/meanings.ts';
import type { ScoreInput } from './score-contact.ts';

export interface ScoredInput {
  readonly contactId: string;
  readonly input: ScoreInput;
}

const fit = (event: { data: { contactId: string } }): ScoredInput => ({
  contactId: event.data.contactId,
  input: { kind: 'fit' },
});

export const SCORE_INPUTS: EventMeanings<ScoredInput> = {
  'event.recorded': (e) => {
    const { contactId, eventId, name, occurredAt, properties } = e.data;
    if (!contactId) return undefined; // an anonymous visitor has no score
    return { contactId, input: { kind: 'event', id: eventId, event: { name, occurredAt, properties } } };
  },
  'order.placed': (e) => {
    const { contactId, connectionId, orderId, total, currency } = e.data;
    return {
      contactId,
      input: {
        kind: 'event',
        // One order, one input, however often the storefront re-sends it.
        id: `order:${connectionId}:${orderId}`,
        event: { name: 'order.placed', occurredAt: e.occurredAt, properties: { total, currency } },
      },
    };
  },
  'email.engaged': (e) => {
    const { contactId, messageId, kind, at, origin, originId, link } = e.data;
    return {
      contactId,
      input: {
        kind: 'event',
        // One message, one input per outcome, however often SES reports it.
        id: `email:${messageId}:${kind}`,
        event: {
          name: `email.${kind}`,
          occurredAt: at,
          properties: { origin, ...(originId ? { originId } : {}), ...(link ? { link } : {}) },
        },
      },
    };
  },
  'contact.created': fit,
  'contact.updated': fit,
};
