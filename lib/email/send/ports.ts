/**
 * What the send use case needs besides the other capabilities' ports (lib/email/ports.ts): the
 * mailer (SES), the stored messages, the deployment-wide halt, and the account's send limits. Each
 * has a real implementation in this folder and an in-memory fake in the tests.
 */
import type { Contact } from '../../contacts/contact.schema.ts';
import type { DomainEvent } from '../../shared/events/catalogue.ts';
import type { EmailSettings, FrequencyCap } from '../../workspaces/email-settings.schema.ts';
import type { EmailMessage } from '../message.schema.ts';
import type { MessageTags } from '../message-tags.ts';

/** One rendered email ready for SES: every header value already header-safe. */
export interface OutgoingEmail {
  readonly messageId: string;
  readonly contactId: string;
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** `List-Unsubscribe` and `List-Unsubscribe-Post` on marketing; none on transactional. */
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly tags: MessageTags;
}

/** What is the same for every email of one batch. */
export interface OutgoingBatch {
  readonly from: string;
  readonly fromIdentityArn?: string | undefined;
  readonly tenantName?: string | undefined;
  readonly emails: readonly OutgoingEmail[];
}

/** SES's answer for one email, classified. */
export type EntryResult =
  /** Accepted: recorded as sent, never sent again. */
  | { readonly outcome: 'sent'; readonly sesMessageId: string }
  /**
   * Not accepted, worth another try (ACCOUNT_THROTTLED, TRANSIENT_FAILURE, throttled call); `dailyQuota`
   * when it was never handed to SES because the account's 24-hour quota is reached.
   */
  | { readonly outcome: 'retry'; readonly reason: string; readonly dailyQuota?: true }
  /** Not accepted and never will be (MESSAGE_REJECTED, bad address...). */
  | { readonly outcome: 'final'; readonly reason: string }
  /** The account may not send at all (paused, suspended): stop everything. */
  | { readonly outcome: 'halt'; readonly reason: string }
  /** The call failed in a way that does not say whether SES accepted it: never resent. */
  | { readonly outcome: 'unknown'; readonly reason: string };

export interface Mailer {
  /** Results in the order of `batch.emails`. Never throws for an SES answer; only for bugs. */
  send(batch: OutgoingBatch): Promise<EntryResult[]>;
}

/** The message timeline entries (lib/email/message.schema.ts), written conditionally. */
export interface MessageStore {
  /**
   * Create the message's entry unless it exists: `claimed` before the SES call, or straight to a
   * final `refused`/`failed`. False when the message id was used before (never sent twice).
   */
  create(
    workspaceId: string,
    contactId: string,
    message: EmailMessage,
    retentionDays: number,
    /** Published from the entry (outbox) when it is created. */
    event?: DomainEvent,
  ): Promise<boolean>;
  /** claimed → failed with the reason. */
  markFailed(
    workspaceId: string,
    contactId: string,
    messageId: string,
    reason: string,
    at: string,
  ): Promise<void>;
  /** Keep `claimed` but say why the outcome is unknown (the feedback loop's Send event settles it). */
  noteUnknown(workspaceId: string, contactId: string, messageId: string, reason: string): Promise<void>;
  /** claimed → refused with the reason (over the frequency cap: decided after the claim). */
  markRefused(
    workspaceId: string,
    contactId: string,
    messageId: string,
    reason: string,
    at: string,
  ): Promise<void>;
  /** Drop a claim SES certainly did not act on, so the redelivered request can send it. */
  release(workspaceId: string, contactId: string, messageId: string): Promise<void>;
}

/** A recipient's send counted against its contact's frequency cap: the slot it took, and when. */
export interface CappedSend {
  readonly contactId: string;
  readonly messageId: string;
  readonly slot: number;
  /** Epoch ms: the value written in the slot. */
  readonly at: number;
}

/** The workspace's frequency cap, per contact (frequency-cap.ts for the window maths). */
export interface FrequencyCaps {
  /**
   * Counts each recipient's send against its contact's cap, each with one conditional write that
   * succeeds only while the contact has fewer than `limit` sends in the window. Returns the sends
   * counted; the message ids not among them are over the cap (nothing written for them). When it
   * throws, the sends it counted are given back.
   */
  count(
    workspaceId: string,
    recipients: readonly { readonly contactId: string; readonly messageId: string }[],
    cap: FrequencyCap,
    now: Date,
  ): Promise<CappedSend[]>;
  /** Uncounts sends that were never made (failed for good, or released to be sent again later). */
  giveBack(workspaceId: string, sends: readonly CappedSend[]): Promise<void>;
}

export interface SendingHalt {
  /** The reason sending is halted deployment-wide, if it is. */
  current(): Promise<string | undefined>;
  /** Halt; true for the one caller that halted it (who raises the alert), false if already halted. */
  trip(workspaceId: string, reason: string): Promise<boolean>;
}

/** The account's sending limits (GetAccount), as the send path must respect them. */
export interface SendLimits {
  /**
   * Wait until `count` more emails fit this container's share of MaxSendRate; throws
   * `SendLimitReachedError` when they would go over Max24HourSend.
   */
  acquire(count: number): Promise<void>;
}

export interface ContactReader {
  /** The contacts that exist, in any order (one BatchGetItem). */
  getMany(workspaceId: string, contactIds: readonly string[]): Promise<Contact[]>;
}

export interface WorkspaceReader {
  get(workspaceId: string): Promise<
    | {
        readonly name: string;
        readonly retentionDays: number;
        /** `DEFAULT_EMAIL_SETTINGS` when the workspace set none. */
        readonly settings: EmailSettings;
        readonly deleting: boolean;
      }
    | undefined
  >;
}
