/**
 * What a person does from an unsubscribe link: one-click (RFC 8058), unsubscribe from the page, pick
 * topics in the preference centre, or subscribe again. Each is recorded with its source and time, and
 * carries the message id the link came in, so the unsubscribe is counted on its campaign.
 */
import { ValidationError } from '../shared/errors.ts';
import { type Outcome, recordDecision } from './consent-change.ts';
import type { SubscriptionDeps } from './deps.ts';
import type { OpenedLink } from './open-link.ts';

export const SOURCES = {
  oneClick: 'one-click',
  preferenceCentre: 'preference-centre',
  doubleOptIn: 'double-opt-in',
} as const;

/** Stop all marketing email to the contact (topic choices stay as they were, for a later return). */
export const unsubscribeAll = (
  link: OpenedLink,
  source: typeof SOURCES.oneClick | typeof SOURCES.preferenceCentre,
  deps: SubscriptionDeps,
): Promise<Outcome> =>
  recordDecision(
    link.claims.workspaceId,
    link.claims.contactId,
    () => ({ email: 'unsubscribed', source, messageId: link.claims.messageId }),
    deps,
  );

/**
 * The preference centre's choice: the topics ticked are subscribed, the others unsubscribed. Ticking
 * a topic while unsubscribed from everything subscribes again: the person asks for it from a link only
 * their mailbox received.
 */
export const saveTopicChoices = (
  link: OpenedLink,
  chosen: readonly string[],
  deps: SubscriptionDeps,
): Promise<Outcome> => {
  const known = new Set(link.settings.topics.map((t) => t.id));
  const unknown = chosen.findIndex((id) => !known.has(id));
  if (unknown >= 0)
    throw new ValidationError(`topic ${chosen[unknown]} is not one of this workspace's topics`, [
      { path: 'topic', message: 'not a topic of this workspace' },
    ]);
  return recordDecision(
    link.claims.workspaceId,
    link.claims.contactId,
    (contact) => ({
      ...(chosen.length > 0 && contact.consent.email?.status !== 'subscribed'
        ? { email: 'subscribed' as const }
        : {}),
      topics: Object.fromEntries(
        link.settings.topics.map((t) => [t.id, chosen.includes(t.id) ? 'subscribed' : 'unsubscribed']),
      ),
      source: SOURCES.preferenceCentre,
      messageId: link.claims.messageId,
    }),
    deps,
  );
};

/** Subscribe again from the page after an unsubscribe (a workspace without topics). */
export const resubscribe = (link: OpenedLink, deps: SubscriptionDeps): Promise<Outcome> =>
  recordDecision(
    link.claims.workspaceId,
    link.claims.contactId,
    () => ({ email: 'subscribed', source: SOURCES.preferenceCentre, messageId: link.claims.messageId }),
    deps,
  );

/**
 * A double opt-in confirmed: `pending` becomes `subscribed`, its source naming the form it came from.
 * Anything else (already confirmed, unsubscribed since) is left alone: an old confirmation link never
 * undoes a later unsubscribe.
 */
export const confirmSubscription = async (
  link: OpenedLink,
  deps: SubscriptionDeps,
): Promise<'confirmed' | 'already' | 'nothing'> => {
  const outcome = await recordDecision(
    link.claims.workspaceId,
    link.claims.contactId,
    (contact) => {
      const held = contact.consent.email;
      if (held?.status !== 'pending') return undefined;
      return { email: 'subscribed', source: `${SOURCES.doubleOptIn} (${held.source})`.slice(0, 200) };
    },
    deps,
  );
  if (outcome.changed) return 'confirmed';
  return outcome.contact.consent.email?.status === 'subscribed' ? 'already' : 'nothing';
};
