/**
 * The rule on the account's default bus that feeds the feedback queue: SES events of the types that
 * have an effect, from messages that carry ecrm's tags (the rule filters on the tag, so the mail of
 * other applications sharing the account never reaches the queue). `Email Sent` is in: it is what
 * makes a message `sent` (with SES's id). `Email Sent` and `Email Delivery` of campaign email (tagged
 * with its chunk) are left out, one per recipient each (an SQS message, an invocation and a read or
 * write: more than the rest of a campaign's sending), but for one Send per SES call, its witness
 * (the last entry, chunk tag `<shard>-<page>-w`): proof that SES took the call, which settles whoever
 * of it was left in flight. A campaign counts its deliveries from what it sent and what bounced. `Email Delivery Delayed` and `Email Subscribed` are left out: nothing follows
 * from them, so they would cost a queue message and an invocation for nothing.
 */
import { CALL_WITNESS, MESSAGE_TAG } from '../message-tags.ts';
import { EFFECTIVE_EVENT_TYPES } from './feedback.ts';
import { SES_DETAIL_TYPES, SES_EVENT_SOURCE } from './ses-event.schema.ts';

export const FEEDBACK_RULE_PATTERN = {
  source: [SES_EVENT_SOURCE],
  'detail-type': EFFECTIVE_EVENT_TYPES.map((t) => SES_DETAIL_TYPES[t]),
  detail: {
    mail: { tags: { [MESSAGE_TAG.workspace]: [{ exists: true }] } },
    $or: [
      { eventType: EFFECTIVE_EVENT_TYPES.filter((t) => t !== 'Delivery' && t !== 'Send') },
      { eventType: ['Send', 'Delivery'], mail: { tags: { [MESSAGE_TAG.chunk]: [{ exists: false }] } } },
      { eventType: ['Send'], mail: { tags: { [MESSAGE_TAG.chunk]: [{ suffix: CALL_WITNESS }] } } },
    ],
  },
} as const;
