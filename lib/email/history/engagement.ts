/**
 * A contact's email engagement as conditions read it (segments' `engagement` nodes): from the email
 * entries of its timeline, each message giving one fact per outcome it reached (delivered, opened,
 * clicked, bounced, complained) at the first time it reached it, with its campaign. Opens and clicks
 * count once per message, as "opened 3 of the last 5 emails" means. Only mail the contact received
 * counts: test sends and alerts only lent its data.
 */
import type { EngagementInput } from '../../conditions/subject.ts';
import type { TimelineEntry } from '../../events/timeline.schema.ts';
import { recipientIsContact } from '../message-tags.ts';

const OUTCOMES = ['delivered', 'opened', 'clicked', 'bounced', 'complained'] as const;

export const engagementOf = (entries: readonly TimelineEntry[]): EngagementInput[] =>
  entries.flatMap((entry) => {
    const message = entry.email;
    // A test send or an alert carries the contact's data to someone else: what that mailbox does
    // (opens, clicks, bounces) is not the contact's engagement.
    if (entry.kind !== 'email' || !message || !recipientIsContact(message.origin)) return [];
    const campaignId = message.origin === 'campaign' ? message.originId : undefined;
    return OUTCOMES.flatMap((kind) => {
      const at = message.at[kind];
      return at ? [{ kind, at, ...(campaignId ? { campaignId } : {}) }] : [];
    });
  });
