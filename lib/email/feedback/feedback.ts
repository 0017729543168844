/**
 * What an SES event means to ecrm, as pure data: which message it is about (from the ecrm tags, so no
 * lookup table), the idempotence key it is applied under (the SES event type, with the bounce type:
 * a transient bounce followed by a permanent one must still suppress; with the link for a click:
 * each distinct link of a message counts once), where the message's status
 * moves, and whether the contact is suppressed. Complaints are never bounces: they suppress with
 * their own reason and also withdraw marketing consent.
 */

import { createHash } from 'node:crypto';
import { MESSAGE_STATUSES, type MessageStatus } from '../message.schema.ts';
import { type MessageTags, readMessageTags } from '../message-tags.ts';
import type { SesEvent } from './ses-event.schema.ts';

/** What happened to the message, as engagement and statistics count it. */
export const FEEDBACK_KINDS = [
  /** SES accepted it (its Send event): the message leaves `claimed`. */
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'softBounced',
  'complained',
  'failed',
  /** Unsubscribed through one of this message's links (counted from the subscriptions' event). */
  'unsubscribed',
] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** The kinds that are contact engagement (segments' `engagement` conditions, scoring's `email.*` events). */
export const ENGAGEMENT_FEEDBACK = ['delivered', 'opened', 'clicked', 'bounced', 'complained'] as const;
export type EngagementFeedback = (typeof ENGAGEMENT_FEEDBACK)[number];
export const isEngagement = (kind: FeedbackKind): kind is EngagementFeedback =>
  (ENGAGEMENT_FEEDBACK as readonly string[]).includes(kind);

export type SuppressionReason = 'bounced' | 'complained';

export interface Feedback {
  readonly tags: MessageTags;
  /** Applied once per message: stored in the message's `seen`. */
  readonly seenKey: string;
  readonly kind: FeedbackKind;
  /** When it happened (SES's timestamp of the event, ISO). */
  readonly at: string;
  /** The status the message moves to, if this event moves it. */
  readonly status?: MessageStatus;
  readonly reason?: string;
  readonly link?: string;
  /** SES's id of the message (its Send event carries it). */
  readonly sesMessageId?: string;
  readonly suppress?: SuppressionReason;
}

/** SES event types with an effect; the others (DeliveryDelay, Subscription) are left alone. */
export const EFFECTIVE_EVENT_TYPES = [
  'Send',
  'Delivery',
  'Bounce',
  'Complaint',
  'Reject',
  'Open',
  'Click',
  'Rendering Failure',
] as const;

/** The links an origin's stats list, most clicked first. */
export const MAX_LINKS_LISTED = 100;

const MAX_REASON = 300;
/**
 * Links are kept (the message's `clicks`, `email.engaged`, the counters) up to this length: two links
 * alike up to it are one link.
 */
const MAX_LINK = 1024;

/**
 * A short stable hash of a link (as kept): 72 bits leave no practical chance of two links of one
 * message, or of one campaign, colliding. Names the link in `seen` and in the per-link counters.
 */
export const linkHash = (link: string): string =>
  createHash('sha256').update(link).digest('base64url').slice(0, 12);

/**
 * The `seen` key of a click on one link: each distinct link of a message counts once (a second click
 * on it, or SES redelivering the event, is a duplicate).
 */
export const clickSeenKey = (link: string): string => `Click#${linkHash(link)}`;

const bounded = (text: string) => (text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1)}…`);
const iso = (value: string) => {
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};

/**
 * The feedback an SES event carries, or undefined when it has none for ecrm: a message another
 * application of the account sent (no ecrm tags), or an event type without an effect.
 */
export const readFeedback = (event: SesEvent): Feedback | undefined => {
  const { detail } = event;
  const tags = readMessageTags(detail.mail.tags);
  if (!tags) return undefined;
  const at = (time: string) => iso(time) ?? iso(event.time) ?? event.time;
  switch (detail.eventType) {
    case 'Send':
      // The one writer of `sent`: also settles a send whose SES call ended without a clear answer.
      return {
        tags,
        seenKey: 'Send',
        kind: 'sent',
        at: at(detail.mail.timestamp),
        status: 'sent',
        sesMessageId: detail.mail.messageId,
      };
    case 'Delivery':
      return {
        tags,
        seenKey: 'Delivery',
        kind: 'delivered',
        at: at(detail.delivery.timestamp),
        status: 'delivered',
      };
    case 'Open':
      return { tags, seenKey: 'Open', kind: 'opened', at: at(detail.open.timestamp), status: 'opened' };
    case 'Click': {
      const link = detail.click.link.slice(0, MAX_LINK);
      return {
        tags,
        seenKey: clickSeenKey(link),
        kind: 'clicked',
        at: at(detail.click.timestamp),
        status: 'clicked',
        link,
      };
    }
    case 'Bounce': {
      const b = detail.bounce;
      const first = b.bouncedRecipients[0];
      const reason = bounded(
        [`${b.bounceType}/${b.bounceSubType}`, first?.diagnosticCode ?? first?.status]
          .filter(Boolean)
          .join(': '),
      );
      if (b.bounceType === 'Permanent')
        return {
          tags,
          seenKey: 'Bounce:Permanent',
          kind: 'bounced',
          at: at(b.timestamp),
          status: 'bounced',
          reason,
          suppress: 'bounced',
        };
      // Transient and undetermined bounces are counted, never suppressed on their own.
      return { tags, seenKey: `Bounce:${b.bounceType}`, kind: 'softBounced', at: at(b.timestamp), reason };
    }
    case 'Complaint':
      return {
        tags,
        seenKey: 'Complaint',
        kind: 'complained',
        at: at(detail.complaint.timestamp),
        status: 'complained',
        reason: bounded(`complaint: ${detail.complaint.complaintFeedbackType ?? 'unspecified'}`),
        suppress: 'complained',
      };
    case 'Reject':
      return {
        tags,
        seenKey: 'Reject',
        kind: 'failed',
        at: at(event.time),
        status: 'failed',
        reason: bounded(`rejected by SES: ${detail.reject.reason}`),
      };
    case 'Rendering Failure':
      return {
        tags,
        seenKey: 'Rendering Failure',
        kind: 'failed',
        at: at(event.time),
        status: 'failed',
        reason: bounded(`rendering failed: ${detail.failure.errorMessage}`),
      };
    case 'DeliveryDelay':
    case 'Subscription':
      return undefined;
  }
};

const TERMINAL: readonly MessageStatus[] = ['refused', 'failed'];
const rank = (status: MessageStatus) => MESSAGE_STATUSES.indexOf(status);

/**
 * The statuses a message may move to `to` from. Statuses only move forward (an open arriving before
 * the delivery is kept); a refused or failed message stays so; SES rejecting or failing to render a
 * message it had accepted makes it failed.
 */
export const statusesBefore = (to: MessageStatus): MessageStatus[] =>
  to === 'failed'
    ? ['claimed', 'sent']
    : MESSAGE_STATUSES.filter((s) => rank(s) < rank(to) && !TERMINAL.includes(s));
