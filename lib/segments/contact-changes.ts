/**
 * What each bus event means to segment membership: which contact changed, and what changed on it
 * (the fields it touched, the event it did), so that only the segments reading those are re-evaluated.
 * An erased contact leaves every segment.
 */
import type { EventMeanings } from '../shared/events/meanings.ts';
import type { Change } from './update-membership.ts';

export interface ContactChange {
  readonly contactId: string;
  readonly change: Change | { readonly kind: 'erased' };
}

const fields =
  (...changed: string[]) =>
  (event: { data: { contactId: string } }): ContactChange => ({
    contactId: event.data.contactId,
    change: { kind: 'fields', fields: changed },
  });

export const CONTACT_CHANGES: EventMeanings<ContactChange> = {
  'contact.created': (e) => ({ contactId: e.data.contactId, change: { kind: 'created' } }),
  'contact.updated': (e) => ({
    contactId: e.data.contactId,
    change: { kind: 'fields', fields: e.data.fields },
  }),
  'contact.consent.changed': fields('consent'),
  // The visitor's events now count on the contact: its roll-ups and anonymous ids changed.
  'contact.identified': fields('activity', 'anonymousIds'),
  'contact.erased': (e) => ({ contactId: e.data.contactId, change: { kind: 'erased' } }),
  'event.recorded': (e) =>
    e.data.contactId
      ? { contactId: e.data.contactId, change: { kind: 'event', name: e.data.name } }
      : undefined,
  'contact.suppressed': fields('suppression', 'consent'),
  'email.engaged': (e) => ({ contactId: e.data.contactId, change: { kind: 'engagement' } }),
  'score.changed': fields('score'),
  'stage.changed': fields('stage'),
};
