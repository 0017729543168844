/**
 * What the send path asks of the other email capabilities, as ports: templates render, subscriptions
 * decide who may receive what and sign the unsubscribe links, sender domains say who may send, the
 * feedback loop says whether marketing is paused. Each capability implements its port in its own
 * folder; `functions/shared/email-deps.ts` wires them.
 */
import type { Contact } from '../contacts/contact.schema.ts';
import type { EmailSettings, ShippedLocale } from '../workspaces/email-settings.schema.ts';
import type { EmailKind } from './message-tags.ts';

/** A template version to send: the send keeps the version it resolved when it was queued. */
export interface TemplateRef {
  readonly templateId: string;
  readonly version: number;
}

/** The links every marketing email carries, signed for one contact (lib/subscriptions). */
export interface RecipientLinks {
  /** The visible link: a page that asks to confirm (GET never unsubscribes). */
  readonly unsubscribeUrl: string;
  /** RFC 8058 `List-Unsubscribe` target: POST `List-Unsubscribe=One-Click` unsubscribes. */
  readonly oneClickUrl: string;
  readonly preferencesUrl: string;
}

/** One recipient's email, rendered exactly as preview renders it (lib/templates). */
export interface RenderedEmail {
  readonly subject: string;
  readonly preheader?: string | undefined;
  readonly html: string;
  readonly text: string;
  readonly locale: ShippedLocale;
}

export type RenderOutcome =
  | { readonly ok: true; readonly email: RenderedEmail }
  /** This recipient fails with a reason (missing data the template requires...); others go on. */
  | { readonly ok: false; readonly reason: string };

export interface RenderInput {
  readonly contact: Contact;
  readonly settings: EmailSettings;
  readonly workspaceName: string;
  /** Absent for transactional email, which carries no unsubscribe link. */
  readonly links?: RecipientLinks | undefined;
  /** What triggered the send (the order, the checkout, the event's properties...). */
  readonly data?: Readonly<Record<string, unknown>> | undefined;
  /** A subject (Liquid) rendered instead of the template's, in every locale: a campaign's A/B variant. */
  readonly subject?: string | undefined;
}

/** A template version loaded once per batch; rendering it is pure and synchronous per recipient. */
export interface LoadedTemplate {
  readonly ref: TemplateRef;
  readonly kind: EmailKind;
  readonly topic?: string | undefined;
  render(input: RenderInput): RenderOutcome;
}

export interface TemplatePort {
  /** Undefined when the workspace has no such template version. */
  load(workspaceId: string, ref: TemplateRef): Promise<LoadedTemplate | undefined>;
}

/** Why a recipient is not sent to (a final state of that recipient, never retried). */
export type Refusal =
  | 'no-email'
  | 'suppressed'
  | 'unsubscribed'
  | 'topic-unsubscribed'
  | 'no-marketing-consent'
  | 'consent-pending';

export type Eligibility = { readonly ok: true } | { readonly ok: false; readonly refusal: Refusal };

export interface SubscriptionPort {
  /** Checked at the moment of sending, on the contact as read then. Pure. */
  eligibility(
    contact: Contact,
    send: { kind: EmailKind; topic?: string | undefined },
    settings: EmailSettings,
  ): Eligibility;
  /**
   * The signed links of one recipient. With the message id, an unsubscribe through them is counted on
   * that message (and so its campaign or journey step).
   */
  links(
    workspaceId: string,
    contactId: string,
    topic: string | undefined,
    messageId?: string | undefined,
  ): Promise<RecipientLinks>;
  /**
   * Links that look like the real ones and change nothing (they name no contact): for email whose
   * recipient is not the contact whose data fills it (a test send). A tester's mailbox offering
   * one-click, or the tester trying the link, must never unsubscribe that contact.
   */
  inertLinks(): RecipientLinks;
}

/** Who a workspace sends as, or why it may not send this kind of email. */
export type SenderOutcome =
  | {
      readonly ok: true;
      /** `"Brand" <news@mail.brand.example>`, display name quoted and free of CR/LF. */
      readonly from: string;
      readonly fromIdentityArn?: string | undefined;
      /** The SES tenant the workspace sends as, where the deployment uses tenants. */
      readonly tenantName?: string | undefined;
    }
  | { readonly ok: false; readonly reason: string };

export interface SenderPort {
  /** `domain`: one of the workspace's sender domains to send from, instead of its default. */
  senderFor(workspaceId: string, kind: EmailKind, domain?: string): Promise<SenderOutcome>;
}

export interface PausePort {
  /** Why marketing email of this workspace is paused (rates above thresholds, by hand), if it is. */
  marketingPausedFor(workspaceId: string): Promise<string | undefined>;
}
