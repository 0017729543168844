/**
 * One decision about a contact's email: its marketing consent and/or its topic choices, recorded with
 * source and time in one conditional write (on the contact's rev) that carries its
 * `contact.consent.changed` event. A decision that changes nothing writes nothing, so a repeated
 * one-click POST or a resubmitted form is harmless.
 */
import type { ConsentRecord, Contact } from '../contacts/contact.schema.ts';
import { retryOnConflict } from '../contacts/retry-on-conflict.ts';
import { SuppressedContactError } from '../contacts/set-consent.ts';
import { NotFoundError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import type { SubscriptionDeps } from './deps.ts';

type Status = ConsentRecord['status'];

export interface Decision {
  /** The email channel's new status, if it changes. */
  readonly email?: Status | undefined;
  /** Topic id → new status, for the topics it changes. */
  readonly topics?: Readonly<Record<string, Status>> | undefined;
  /** `one-click`, `preference-centre`, `double-opt-in`, the form's own name... */
  readonly source: string;
  /** The email whose link made the decision. */
  readonly messageId?: string | undefined;
  /**
   * A double opt-in confirmation to send (with this message id) for the `pending` email status this
   * decision records; the pending record is written again (its time renewed) even if already pending.
   */
  readonly confirmationMessageId?: string | undefined;
}

export interface Outcome {
  readonly contact: Contact;
  /** False when the contact already stood where the decision puts it. */
  readonly changed: boolean;
}

/**
 * Record `decide(contact)`'s decision (decided again on the fresh contact after a concurrent write);
 * no decision means nothing to do.
 */
export const recordDecision = (
  workspaceId: string,
  contactId: string,
  decide: (contact: Contact) => Decision | undefined,
  deps: Pick<SubscriptionDeps, 'contacts' | 'clock'>,
): Promise<Outcome> =>
  retryOnConflict('record consent', async () => {
    const before = await deps.contacts.get(workspaceId, contactId);
    if (!before) throw new NotFoundError(`no contact ${contactId}`);
    const decision = decide(before);
    if (!decision) return { contact: before, changed: false };
    const at = deps.clock.now().toISOString();
    const record = (status: Status): ConsentRecord => ({ status, source: decision.source, at });
    // Suppression wins at send time anyway; refusing here tells the caller the truth.
    if (before.suppression && (decision.email === 'subscribed' || decision.email === 'pending')) {
      throw new SuppressedContactError(
        `contact ${contactId} is suppressed (${before.suppression.reason}); it cannot be subscribed`,
      );
    }
    const email =
      decision.email !== undefined &&
      (before.consent.email?.status !== decision.email || decision.confirmationMessageId)
        ? decision.email
        : undefined;
    const topics = Object.fromEntries(
      Object.entries(decision.topics ?? {}).filter(([id, status]) => before.topics?.[id]?.status !== status),
    );
    if (email === undefined && Object.keys(topics).length === 0) return { contact: before, changed: false };
    const after: Contact = {
      ...before,
      consent: email === undefined ? before.consent : { ...before.consent, email: record(email) },
      ...(Object.keys(topics).length > 0
        ? {
            topics: {
              ...before.topics,
              ...Object.fromEntries(Object.entries(topics).map(([id, status]) => [id, record(status)])),
            },
          }
        : {}),
      rev: before.rev + 1,
      updatedAt: at,
    };
    const event = domainEvent(
      'contact.consent.changed',
      workspaceId,
      {
        contactId,
        channel: 'email',
        status: after.consent.email?.status ?? 'none',
        source: decision.source,
        ...(Object.keys(topics).length > 0 ? { topics } : {}),
        ...(decision.messageId ? { messageId: decision.messageId } : {}),
        ...(decision.confirmationMessageId ? { confirmationMessageId: decision.confirmationMessageId } : {}),
      },
      deps.clock,
    );
    await deps.contacts.replace(after, before, event);
    return { contact: after, changed: true };
  });
