/**
 * Who may receive what, decided at the moment of sending on the contact as read then. Pure.
 *
 * - No email address: nothing to send to.
 * - Suppressed (hard bounce, complaint, erasure, by hand): nothing, of any kind — a transactional
 *   email to an address that bounces or complains hurts the sender as much as a marketing one.
 * - Transactional email (a double opt-in confirmation, the MQL alert) needs no consent.
 * - Marketing email needs the contact's email consent `subscribed` (`pending` waits for the double
 *   opt-in confirmation), and, for a topic, no "unsubscribed" choice on that topic; a contact who never
 *   chose gets the topic's default (`subscribedByDefault`; a topic the settings no longer list counts
 *   as subscribed by default).
 */
import type { Contact } from '../contacts/contact.schema.ts';
import type { EmailKind } from '../email/message-tags.ts';
import type { Eligibility } from '../email/ports.ts';
import type { EmailSettings } from '../workspaces/email-settings.schema.ts';

const OK: Eligibility = { ok: true };

export const eligibility = (
  contact: Contact,
  send: { kind: EmailKind; topic?: string | undefined },
  settings: EmailSettings,
): Eligibility => {
  if (!contact.email) return { ok: false, refusal: 'no-email' };
  if (contact.suppression) return { ok: false, refusal: 'suppressed' };
  if (send.kind === 'transactional') return OK;
  const consent = contact.consent.email?.status;
  if (consent === undefined) return { ok: false, refusal: 'no-marketing-consent' };
  if (consent === 'unsubscribed') return { ok: false, refusal: 'unsubscribed' };
  if (consent === 'pending') return { ok: false, refusal: 'consent-pending' };
  if (send.topic === undefined) return OK;
  const choice = contact.topics?.[send.topic]?.status;
  if (choice === 'unsubscribed') return { ok: false, refusal: 'topic-unsubscribed' };
  if (choice === 'pending') return { ok: false, refusal: 'consent-pending' };
  if (choice === 'subscribed') return OK;
  const topic = settings.topics.find((t) => t.id === send.topic);
  return topic?.subscribedByDefault === false ? { ok: false, refusal: 'topic-unsubscribed' } : OK;
};
