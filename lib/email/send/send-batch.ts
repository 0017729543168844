/**
 * Sends one send request (one template version, ≤ 50 recipients): the template loaded once, the
 * sender and the pause checked once, the contacts read in one BatchGetItem; per recipient, at the
 * moment of sending, eligibility (suppression, consent, topic) and rendering; then every recipient
 * recorded before SES sees it (claims.ts: message entries for one-off email, the chunk item for a
 * campaign), one SES call for the batch, and what SES answered recorded.
 *
 * Guarantees:
 * - A message id is sent at most once, ever: it is claimed (a conditional write) before SES sees
 *   it, a redelivered request finds its claims and skips them, and an accepted entry is never handed
 *   to SES again. A claim is released only when SES certainly did not accept it (throttled, halted),
 *   so the redelivered request can send it then. A request that fails before SES sees it (a claim
 *   write, the link key, GetAccount) releases its claims: a retry must never find its own claims and
 *   take them for sent mail.
 * - Refusals (not eligible, the whole marketing request refused) and render failures are final and
 *   recorded with the claims; nothing is retried that a retry cannot fix.
 * - Under a workspace frequency cap (marketing to contacts only; never transactional), each recipient
 *   this call claimed is counted against its contact's cap before SES sees it (cap-step.ts; nothing
 *   read or written when there is no cap). Over the cap: `capped`, settled through the claim store
 *   like any outcome, never sent. A count is given back when its send fails for good or is released.
 */

import type { Contact } from '../../contacts/contact.schema.ts';
import type { Clock } from '../../shared/clock.ts';
import type { EmailMessage } from '../message.schema.ts';
import type { EmailKind, MessageTags } from '../message-tags.ts';
import { recipientIsContact, templateTag } from '../message-tags.ts';
import type { PausePort, RecipientLinks, SenderPort, SubscriptionPort, TemplatePort } from '../ports.ts';
import { type CapStep, countAgainstCap, giveBackUnsent } from './cap-step.ts';
import { type ClaimEntry, type ClaimStore, messageClaims, type Settlement } from './claims.ts';
import { type DeliverOptions, deliver } from './deliver.ts';
import { checkedFrom, UnsafeHeaderError } from './header-safety.ts';
import { outgoingEmail } from './outgoing.ts';
import type {
  ContactReader,
  FrequencyCaps,
  Mailer,
  MessageStore,
  OutgoingEmail,
  SendingHalt,
  SendLimits,
  WorkspaceReader,
} from './ports.ts';
import type { SendRecipient, SendRequest } from './send-request.schema.ts';
import { withUtm } from './utm.ts';

export interface SendDeps {
  readonly workspaces: WorkspaceReader;
  readonly contacts: ContactReader;
  readonly templates: TemplatePort;
  readonly subscriptions: SubscriptionPort;
  readonly senders: SenderPort;
  readonly pauses: PausePort;
  readonly messages: MessageStore;
  readonly mailer: Mailer;
  readonly halt: SendingHalt;
  readonly limits: SendLimits;
  /** The workspaces' frequency caps; asked only when the workspace has one. */
  readonly caps: FrequencyCaps;
  readonly clock: Clock;
  /** Called once by the invocation that halted sending (metric + log: what the alarm watches). */
  readonly onHalt: (reason: string) => void;
}

export type RecipientOutcome =
  | { readonly status: 'sent'; readonly sesMessageId: string }
  | { readonly status: 'refused' | 'failed'; readonly reason: string }
  /** Over the workspace's frequency cap: not sent, final. */
  | { readonly status: 'capped'; readonly reason: string }
  /** Claimed before (a redelivery, a reused id): not sent again. */
  | { readonly status: 'duplicate' }
  /** Not sent this time, claim released: the request must be retried (SQS redelivery). */
  | { readonly status: 'deferred'; readonly reason: string }
  /** SES's answer is unknown: kept `claimed`, never resent; the feedback loop settles it. */
  | { readonly status: 'unknown'; readonly reason: string };

export interface BatchOutcome {
  readonly recipients: Readonly<Record<string, RecipientOutcome>>;
  /** True when some recipient must be retried: the queue consumer reports the message as failed. */
  readonly retry: boolean;
  readonly halted?: string | undefined;
  /** Some recipient waits for the account's 24-hour quota: a campaign pauses until it lifts. */
  readonly dailyQuota?: true;
}

export interface SendOptions {
  readonly deliver: DeliverOptions;
  /** True on the queue's last delivery of this request: what would be deferred fails for good. */
  readonly lastAttempt: boolean;
}

/** A recipient's email, rendered and ready to claim. */
interface Prepared {
  readonly email: OutgoingEmail;
  readonly locale: string | undefined;
}

/** Why a whole marketing request is refused, or undefined when it may go. */
const marketingRefusal = async (
  request: SendRequest,
  postalAddress: string | undefined,
  deps: Pick<SendDeps, 'pauses'>,
) => {
  if (!postalAddress) return 'the workspace has no postal address (required in every marketing email)';
  const paused = await deps.pauses.marketingPausedFor(request.workspaceId);
  return paused ? `marketing email is paused: ${paused}` : undefined;
};

/** Sends a request whose recipients are recorded as message entries (one-off emails: API, journeys, alerts). */
export const sendBatch = (
  request: SendRequest,
  deps: SendDeps,
  options: SendOptions,
): Promise<BatchOutcome> => sendRecorded(request, deps, messageClaims(deps.messages), options);

/** Sends a request whose recipients are recorded by `claims` (message entries, or a campaign's chunk). */
export const sendRecorded = async (
  request: SendRequest,
  deps: Omit<SendDeps, 'messages'>,
  claims: ClaimStore,
  options: SendOptions,
): Promise<BatchOutcome> => {
  const ws = request.workspaceId;
  const now = () => deps.clock.now().toISOString();
  const outcomes: Record<string, RecipientOutcome> = {};
  const halted = await deps.halt.current();
  if (halted) return deferAll(request, `sending is halted: ${halted}`, options);

  const workspace = await deps.workspaces.get(ws);
  if (!workspace || workspace.deleting) {
    // Nothing to record a refusal in: the workspace is gone or going.
    for (const r of request.recipients)
      outcomes[r.messageId] = { status: 'refused', reason: 'no such workspace' };
    return { recipients: outcomes, retry: false };
  }
  const retention = workspace.retentionDays;

  const base = (r: SendRecipient, kind: EmailKind): EmailMessage => ({
    messageId: r.messageId,
    kind,
    origin: request.origin,
    ...(request.originId ? { originId: request.originId } : {}),
    templateId: request.template.templateId,
    version: request.template.version,
    status: 'claimed',
    seen: [],
    at: {},
  });
  /** Recipients that end before the SES call (refused, failed), recorded with the claims in one go. */
  const finals: ClaimEntry[] = [];
  const finalAt = (
    r: SendRecipient,
    kind: EmailKind,
    status: 'refused' | 'failed',
    reason: string,
    extra: Partial<EmailMessage> = {},
    contactGone = false,
  ): undefined => {
    finals.push({
      contactId: r.contactId,
      message: { ...base(r, kind), ...extra, status, reason, at: { [status]: now() } },
      ...(contactGone ? { contactGone: true } : {}),
    });
    return undefined;
  };
  /** Records the finals (and claims); a final recorded before is a duplicate, not a second refusal. */
  const recordFinals = async (claimEntries: readonly ClaimEntry[]) => {
    const recorded = await claims.record(ws, [...finals, ...claimEntries], retention);
    for (const { message } of finals) {
      const { messageId, status, reason } = message;
      outcomes[messageId] =
        recorded.has(messageId) && (status === 'refused' || status === 'failed')
          ? { status, reason: reason ?? status }
          : { status: 'duplicate' };
    }
    return recorded;
  };
  const refuseAll = async (kind: EmailKind, reason: string) => {
    for (const r of request.recipients) finalAt(r, kind, 'refused', reason);
    await recordFinals([]);
    return { recipients: outcomes, retry: false };
  };

  const template = await deps.templates.load(ws, request.template);
  if (!template)
    return refuseAll(
      request.kind,
      `template ${request.template.templateId} v${request.template.version} does not exist`,
    );
  // A marketing template is marketing whatever the request says: consent rules cannot be skipped.
  if (template.kind === 'marketing' && request.kind !== 'marketing')
    return refuseAll('marketing', 'a marketing template cannot be sent as transactional email');
  const kind = request.kind;
  const topic = request.topic ?? template.topic;
  const settings = workspace.settings;

  if (kind === 'marketing') {
    const refusal = await marketingRefusal(request, settings.postalAddress, deps);
    if (refusal) return refuseAll(kind, refusal);
  }
  const sender = await deps.senders.senderFor(ws, kind, request.senderDomain);
  if (!sender.ok) return refuseAll(kind, `the workspace may not send: ${sender.reason}`);
  let from: string;
  try {
    from = checkedFrom(sender.from);
  } catch (error) {
    if (error instanceof UnsafeHeaderError) return refuseAll(kind, error.message);
    throw error;
  }

  const contacts = new Map<string, Contact>(
    (await deps.contacts.getMany(ws, [...new Set(request.recipients.map((r) => r.contactId))])).map((c) => [
      c.id,
      c,
    ]),
  );

  const withCampaignUtm = <E extends { readonly html: string; readonly text: string }>(
    email: E,
    links: RecipientLinks | undefined,
  ): E => {
    if (!request.utm) return email;
    const own = Object.values(links ?? {}).flatMap((u) =>
      typeof u === 'string' && URL.canParse(u) ? [new URL(u).origin] : [],
    );
    return { ...email, ...withUtm(email, request.utm, own) };
  };

  // Every recipient is rendered before any is claimed: a batch that runs out of time while rendering
  // (a heavy template, 50 recipients) leaves no claim behind for its redelivery to take for sent mail.
  const render = async (r: SendRecipient): Promise<Prepared | undefined> => {
    const contact = contacts.get(r.contactId);
    if (!contact) return finalAt(r, kind, 'refused', 'no such contact', {}, true);
    if (recipientIsContact(request.origin)) {
      const eligible = deps.subscriptions.eligibility(contact, { kind, topic }, settings);
      if (!eligible.ok) return finalAt(r, kind, 'refused', eligible.refusal);
    }
    const to = r.to ?? contact.email;
    if (!to) return finalAt(r, kind, 'refused', 'no-email');
    // A test send goes to the tester with the contact's data: its links must not act for the contact.
    const links: RecipientLinks | undefined =
      kind !== 'marketing'
        ? undefined
        : recipientIsContact(request.origin)
          ? await deps.subscriptions.links(ws, contact.id, topic, r.messageId)
          : deps.subscriptions.inertLinks();
    const rendered = template.render({
      contact,
      settings,
      workspaceName: workspace.name,
      links,
      data: r.data,
      ...(request.subject !== undefined ? { subject: request.subject } : {}),
    });
    if (!rendered.ok) return finalAt(r, kind, 'failed', `render: ${rendered.reason}`);
    const tags: MessageTags = {
      workspaceId: ws,
      contactId: contact.id,
      messageId: r.messageId,
      kind,
      origin: request.origin,
      ...(request.originId ? { originId: request.originId } : {}),
      ...(request.chunk ? { chunk: request.chunk, template: templateTag(request.template) } : {}),
      ...(request.variant !== undefined ? { variant: String(request.variant) } : {}),
    };
    try {
      return {
        email: outgoingEmail({ to, rendered: withCampaignUtm(rendered.email, links), kind, links, tags }),
        locale: rendered.email.locale,
      };
    } catch (error) {
      if (error instanceof UnsafeHeaderError) return finalAt(r, kind, 'failed', error.message);
      throw error;
    }
  };

  const prepared = (await Promise.all(request.recipients.map(render))).flatMap((e) => (e ? [e] : []));
  const byMessage = new Map(request.recipients.map((r) => [r.messageId, r]));
  const claimEntries = prepared.flatMap(({ email, locale }): ClaimEntry[] => {
    const r = byMessage.get(email.messageId);
    if (!r) return [];
    const message = { ...base(r, kind), locale, subject: email.subject, at: { claimed: now() } };
    return [{ contactId: email.contactId, message }];
  });
  // When this throws, no claim is left behind: the redelivered request sends every recipient.
  const recorded = await recordFinals(claimEntries);
  const ready = prepared.flatMap(({ email }) => {
    if (recorded.has(email.messageId)) return [email];
    outcomes[email.messageId] = { status: 'duplicate' };
    return [];
  });
  if (ready.length === 0) return { recipients: outcomes, retry: false };

  const cap = kind === 'marketing' && recipientIsContact(request.origin) ? settings.frequencyCap : undefined;
  const { toSend, capped, counted }: CapStep = cap
    ? await countAgainstCap(ws, ready, cap, deps, claims)
    : { toSend: ready, capped: [], counted: [] };
  for (const c of capped) outcomes[c.messageId] = { status: 'capped', reason: c.reason };
  if (toSend.length === 0) {
    await claims.settle(ws, capped);
    return { recipients: outcomes, retry: false };
  }

  const delivered = await deliver(
    { from, fromIdentityArn: sender.fromIdentityArn, tenantName: sender.tenantName, emails: toSend },
    deps,
    options.deliver,
  );

  let haltReason: string | undefined;
  let dailyQuota = false;
  const settlementOf = ({ email, result }: (typeof delivered)[number]): Settlement => {
    const id = email.messageId;
    const who = { contactId: email.contactId, messageId: id };
    switch (result.outcome) {
      case 'sent':
        outcomes[id] = { status: 'sent', sesMessageId: result.sesMessageId };
        return { ...who, outcome: 'sent', sesMessageId: result.sesMessageId };
      case 'final':
        outcomes[id] = { status: 'failed', reason: result.reason };
        return { ...who, outcome: 'failed', reason: result.reason, at: now() };
      case 'unknown':
        outcomes[id] = { status: 'unknown', reason: result.reason };
        return { ...who, outcome: 'unknown', reason: result.reason };
      case 'halt':
        haltReason ??= result.reason;
        outcomes[id] = { status: 'deferred', reason: `sending halted: ${result.reason}` };
        return { ...who, outcome: 'released' };
      case 'retry':
        if (result.dailyQuota) dailyQuota = true;
        if (options.lastAttempt) {
          const reason = `${result.reason} (gave up after every retry)`;
          outcomes[id] = { status: 'failed', reason };
          return { ...who, outcome: 'failed', reason, at: now() };
        }
        outcomes[id] = { status: 'deferred', reason: result.reason };
        return { ...who, outcome: 'released' };
    }
  };
  const settlements = delivered.map(settlementOf);
  await claims.settle(ws, [...capped, ...settlements]);
  await giveBackUnsent(ws, counted, settlements, deps.caps);
  if (haltReason !== undefined && (await deps.halt.trip(ws, haltReason))) deps.onHalt(haltReason);
  return {
    recipients: outcomes,
    retry: Object.values(outcomes).some((o) => o.status === 'deferred'),
    ...(haltReason !== undefined ? { halted: haltReason } : {}),
    ...(dailyQuota ? { dailyQuota: true } : {}),
  };
};

/** Sending is halted: nothing is claimed, the request waits in the queue (then its DLQ, for redrive). */
const deferAll = (request: SendRequest, reason: string, _options: SendOptions): BatchOutcome => ({
  recipients: Object.fromEntries(
    request.recipients.map((r) => [r.messageId, { status: 'deferred', reason }]),
  ),
  retry: true,
  halted: reason,
});
