/**
 * The feedback loop's use case for one SES event: suppress the contact when the event calls for it
 * (first, and idempotent by the contact's state, so a crash before the message write cannot lose a
 * suppression), then apply the event to the message once (conditional on its `seen`; a click once
 * per distinct link), publishing `email.engaged` from the message's outbox for segments and scoring. What it changed is tallied by
 * the caller into the sharded counters and the workspace's rates.
 */

import type { ContactsRepository } from '../../contacts/contacts.repository.ts';
import type { Clock } from '../../shared/clock.ts';
import { domainEvent } from '../../shared/events/outbox.ts';
import { messageIdSchema, messageKey } from '../message.schema.ts';
import { MAX_TRACKED_LINKS } from '../message-clicks.ts';
import { recipientIsContact } from '../message-tags.ts';
import type { MessagesRepository } from '../messages.repository.ts';
import { type Feedback, isEngagement, readFeedback, statusesBefore } from './feedback.ts';
import { entryFromFirstFeedback } from './first-feedback.ts';
import type { SesEvent } from './ses-event.schema.ts';
import { suppressContact } from './suppress-contact.ts';

/**
 * Where a campaign email is claimed: its campaign's chunk (lib/campaigns/send), not a message entry.
 * SES's Send event settles a recipient whose send crashed or whose SES call went unanswered.
 */
export interface CampaignClaims {
  confirmSent(tags: {
    readonly workspaceId: string;
    readonly campaignId: string;
    readonly chunk: string;
    readonly contactId: string;
  }): Promise<boolean>;
}

export interface FeedbackDeps {
  readonly messages: MessagesRepository;
  readonly contacts: ContactsRepository;
  readonly campaignClaims: CampaignClaims;
  /** The workspace's timeline retention: how long a message entry written here is kept. */
  readonly retentionDays: (workspaceId: string) => Promise<number>;
  readonly clock: Clock;
}

export type FeedbackOutcome =
  | { readonly status: 'ignored'; readonly why: string }
  | { readonly status: 'duplicate'; readonly feedback: Feedback }
  | {
      readonly status: 'applied';
      readonly feedback: Feedback;
      /** False when the message's entry was not there (erased contact, expired entry). */
      readonly message: boolean;
      readonly suppressed: boolean;
      /** A click on another link of a message clicked before: counted per link, not on the message. */
      readonly anotherLink?: true;
    };

export const applyFeedback = async (event: SesEvent, deps: FeedbackDeps): Promise<FeedbackOutcome> => {
  const feedback = readFeedback(event);
  if (!feedback) return { status: 'ignored', why: `no ecrm effect for ${event['detail-type']}` };
  const { workspaceId, contactId, messageId, origin, originId } = feedback.tags;
  if (!messageIdSchema.safeParse(messageId).success)
    return { status: 'ignored', why: 'the ecrm-message tag is not a message id' };

  // A campaign email sent from a chunk has no message entry until its recipient engages: its send is
  // recorded in the chunk (SES's Send event only settles a claim left open), and its delivery is
  // counted from the campaign's sent and bounced (the rule does not even route it).
  const { chunk } = feedback.tags;
  if (chunk !== undefined && (feedback.kind === 'sent' || feedback.kind === 'delivered')) {
    if (feedback.kind === 'sent' && origin === 'campaign' && originId !== undefined)
      await deps.campaignClaims.confirmSent({ workspaceId, campaignId: originId, chunk, contactId });
    return { status: 'ignored', why: `a campaign email is ${feedback.kind} in its chunk` };
  }

  // A test send's or an alert's mailbox is not the contact's: its answers touch only the message.
  const aboutContact = recipientIsContact(origin);
  let suppressed = false;
  if (feedback.suppress && aboutContact) {
    const outcome = await suppressContact(
      workspaceId,
      contactId,
      feedback.suppress,
      { at: feedback.at, messageId },
      deps,
    );
    suppressed = outcome === 'suppressed';
  }

  const { kind } = feedback;
  const engaged =
    aboutContact && isEngagement(kind)
      ? domainEvent(
          'email.engaged',
          workspaceId,
          {
            contactId,
            messageId,
            kind,
            at: feedback.at,
            origin,
            ...(originId ? { originId } : {}),
            ...(feedback.link ? { link: feedback.link } : {}),
          },
          deps.clock,
        )
      : undefined;
  const key = messageKey(workspaceId, contactId, messageId);
  if (chunk !== undefined) {
    // The first feedback of a campaign email writes its entry; a later one finds it and updates it.
    const entry = entryFromFirstFeedback(feedback);
    const retention = entry ? await deps.retentionDays(workspaceId) : 0;
    if (entry && (await deps.messages.create(workspaceId, contactId, entry, retention, engaged)))
      return { status: 'applied', feedback, message: true, suppressed };
  }
  if (feedback.link !== undefined) {
    // A click: each distinct link of the message once (message-clicks.ts).
    const click = await deps.messages.applyClick(key, {
      seenKey: feedback.seenKey,
      link: feedback.link,
      at: feedback.at,
      movesFrom: statusesBefore('clicked'),
      event: engaged,
    });
    if (click === 'duplicate') return { status: 'duplicate', feedback };
    if (click === 'untracked')
      return { status: 'ignored', why: `the message tracks ${MAX_TRACKED_LINKS} links already` };
    return {
      status: 'applied',
      feedback,
      message: click !== 'no message',
      suppressed,
      ...(click === 'another link' ? { anotherLink: true } : {}),
    };
  }
  const write = await deps.messages.applyFeedback(key, {
    seenKey: feedback.seenKey,
    status: feedback.status,
    movesFrom: feedback.status ? statusesBefore(feedback.status) : undefined,
    at: feedback.at,
    reason: feedback.reason,
    clearReason: feedback.kind === 'sent',
    sesMessageId: feedback.sesMessageId,
    softBounce: kind === 'softBounced',
    event: engaged,
  });
  if (write === 'duplicate') return { status: 'duplicate', feedback };
  return { status: 'applied', feedback, message: write === 'applied', suppressed };
};
