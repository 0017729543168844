/**
 * Where a send records its recipients, behind one port, so the same send path serves one-off emails
 * and campaigns:
 * - one-off emails (the API, journeys, alerts) keep a message entry per recipient in the contact's
 *   timeline (`messageClaims` over the messages repository);
 * - campaigns keep their recipients in chunk items of the audience snapshot, one write per batch
 *   (lib/campaigns/send).
 *
 * Either way a recipient is recorded before SES sees it, at most once: a message id recorded before
 * (a redelivered request) is neither claimed nor changed again.
 */
import type { EmailMessage } from '../message.schema.ts';
import type { MessageStore } from './ports.ts';

/** A recipient as recorded before the SES call: claimed (to send), or already final (refused, failed). */
export interface ClaimEntry {
  readonly contactId: string;
  /** `status` is `claimed`, `refused` or `failed`. */
  readonly message: EmailMessage;
  /** Refused because the contact no longer exists: there is no timeline to record it in. */
  readonly contactGone?: true;
}

interface SettledRecipient {
  readonly contactId: string;
  readonly messageId: string;
}

/** What SES's answer (or its absence) means for one claimed recipient. */
export type Settlement = SettledRecipient &
  /** Accepted by SES. */
  (
    | { readonly outcome: 'sent'; readonly sesMessageId: string }
    /** Never accepted; final. */
    | { readonly outcome: 'failed'; readonly reason: string; readonly at: string }
    /** SES's answer is unknown: kept claimed, never resent; SES's Send event settles it. */
    | { readonly outcome: 'unknown'; readonly reason: string }
    /** SES certainly did not take it: the claim is dropped so that a redelivery sends it. */
    | { readonly outcome: 'released' }
    /** Over the workspace's frequency cap: never handed to SES; final. */
    | { readonly outcome: 'capped'; readonly reason: string; readonly at: string }
  );

export interface ClaimStore {
  /**
   * Record the entries before the SES call; returns the message ids recorded by this call (the
   * others were recorded before and must not be sent or counted again). When it throws, none of
   * the claims it made is left behind (final entries may stay: they are final).
   */
  record(
    workspaceId: string,
    entries: readonly ClaimEntry[],
    retentionDays: number,
  ): Promise<ReadonlySet<string>>;
  /** Record what SES answered for recipients this send claimed. */
  settle(workspaceId: string, settlements: readonly Settlement[]): Promise<void>;
}

/**
 * Claims as message entries in the contacts' timelines, one conditional write each. `sent` writes
 * nothing here: SES's Send event, which carries SES's id, makes the entry `sent` in the feedback loop.
 */
export const messageClaims = (messages: MessageStore): ClaimStore => ({
  async record(ws, entries, retentionDays) {
    const written = await Promise.allSettled(
      entries.map(async (e) =>
        e.contactGone || (await messages.create(ws, e.contactId, e.message, retentionDays)) ? e : undefined,
      ),
    );
    const recorded = written.flatMap((w) => (w.status === 'fulfilled' && w.value ? [w.value] : []));
    const broken = written.find((w) => w.status === 'rejected');
    if (broken) {
      // Nothing went to SES: the claims made are dropped, so a retry of the whole request sends them.
      const claimed = recorded.filter((e) => e.message.status === 'claimed');
      await Promise.all(claimed.map((e) => messages.release(ws, e.contactId, e.message.messageId)));
      throw broken.reason;
    }
    return new Set(recorded.map((e) => e.message.messageId));
  },

  async settle(ws, settlements) {
    const write = async (s: Settlement): Promise<void> => {
      switch (s.outcome) {
        case 'sent':
          return;
        case 'failed':
          return messages.markFailed(ws, s.contactId, s.messageId, s.reason, s.at);
        case 'unknown':
          return messages.noteUnknown(ws, s.contactId, s.messageId, `outcome unknown: ${s.reason}`);
        case 'released':
          return messages.release(ws, s.contactId, s.messageId);
        case 'capped':
          return messages.markRefused(ws, s.contactId, s.messageId, s.reason, s.at);
      }
    };
    await Promise.all(settlements.map(write));
  },
});
