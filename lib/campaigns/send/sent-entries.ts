/**
 * A campaign's recipients are claimed and settled in its chunks (chunks.repository.ts), not in message
 * entries; this puts each email SES took on its contact's timeline all the same, the moment the chunk
 * records it sent, so a contact's timeline shows the campaign email (kind `email`, status `sent`, the
 * campaign as origin) without waiting for an open, a click or a bounce, and the campaign's counter
 * (origin `campaign`, `GET /v1/email-stats/campaign/{id}`) counts it `sent`.
 *
 * It wraps the chunk's claim store: `record` keeps the claimed messages (what was rendered: template,
 * locale, subject), `settle` writes, after the chunk's own write, the entry of each recipient SES
 * accepted (one conditional put each: a redelivered job or a first feedback that came sooner finds it
 * there and nothing changes) and adds the entries it created to the counter in one write.
 * The chunk stays the record of the send: an entry or counter write that fails is logged and not
 * retried (the chunk is settled), and its email's first feedback writes the entry (first-feedback.ts),
 * as it does for a recipient whose SES answer was lost and whom SES's Send event settled later.
 */
import type { Counts } from '../../email/history/origin-counter.ts';
import type { EmailMessage } from '../../email/message.schema.ts';
import type { ClaimStore } from '../../email/send/claims.ts';
import type { MessageStore } from '../../email/send/ports.ts';
import type { Clock } from '../../shared/clock.ts';

export interface SentEntryDeps {
  readonly messages: Pick<MessageStore, 'create'>;
  /** Adds to the campaign's counter (origin-counter.ts's `addToOriginCounter`). */
  readonly addToOrigin: (ws: string, origin: string, originId: string, counts: Counts) => Promise<void>;
  readonly clock: Clock;
  /** A timeline entry or counter write that failed: logged as an error (the send itself stands). */
  readonly onLost: (what: string, error: unknown) => void;
}

/** The campaign's claim store for one request, writing the timeline entries of what SES took. */
export const withSentEntries = (
  claims: ClaimStore,
  campaign: { readonly campaignId: string; readonly variant?: number | undefined },
  deps: SentEntryDeps,
): ClaimStore => {
  const claimed = new Map<string, { contactId: string; message: EmailMessage; retentionDays: number }>();
  return {
    async record(ws, entries, retentionDays) {
      const recorded = await claims.record(ws, entries, retentionDays);
      for (const { contactId, message } of entries)
        if (message.status === 'claimed' && recorded.has(message.messageId))
          claimed.set(message.messageId, { contactId, message, retentionDays });
      return recorded;
    },
    async settle(ws, settlements) {
      await claims.settle(ws, settlements);
      const at = deps.clock.now().toISOString();
      const writes = settlements.flatMap((s) => {
        const c = s.outcome === 'sent' ? claimed.get(s.messageId) : undefined;
        if (!c || s.outcome !== 'sent') return [];
        const message: EmailMessage = {
          ...c.message,
          ...(campaign.variant !== undefined ? { variant: campaign.variant } : {}),
          status: 'sent',
          sesMessageId: s.sesMessageId,
          at: { ...c.message.at, sent: at },
        };
        return [deps.messages.create(ws, c.contactId, message, c.retentionDays)];
      });
      if (writes.length === 0) return;
      let created = 0;
      for (const w of await Promise.allSettled(writes)) {
        if (w.status === 'rejected') deps.onLost('a campaign email timeline entry', w.reason);
        else if (w.value) created += 1;
      }
      if (created > 0)
        await deps
          .addToOrigin(ws, 'campaign', campaign.campaignId, { sent: created })
          .catch((error: unknown) => deps.onLost('a campaign sent count', error));
    },
  };
};
