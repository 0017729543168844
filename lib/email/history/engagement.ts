/**
 * A contact's email engagement as conditions read it (segments' `engagement` nodes): from the email
 * entries of its timeline, each message giving one fact per outcome it reached (delivered, opened,
 * clicked, bounced, complained) at the first time it reached it, with its campaign. Opens and clicks
 * count once per message, as "opened 3 of the last 5 emails" means.
 */
import type { EngagementInput } from '../../conditions/subject.ts';
import type { TimelineEntry } from '../../events/timeline.schema.ts';

const OUTCOMES = ['delivered', 'opened', 'clicked', 'bounced', 'complained'] as const;

export const engagementOf = (entries: readonly TimelineEntry[]): EngagementInput[] =>
  entries.flatMap((entry) => {
    const message = entry.email;
    if (entry.kind !== 'email' || !message) return [];
    const campaignId = message.origin === 'campaign' ? message.originId : undefined;
    return OUTCOMES.flatMap((kind) => {
      const at = message.at[kind];
      return at ? [{ kind, at, ...(campaignId ? { campaignId } : {}) }] : [];
    });
  });
