/**
 * Suppress a contact after a permanent bounce or a complaint, at once (the send path checks
 * suppression at the moment of sending). Idempotent by the contact's state: a contact already
 * suppressed is not written again. A complaint also withdraws marketing consent (source `complaint`),
 * and keeps its own reason: a complaint is never recorded as a bounce.
 */
import type { Contact } from '../../contacts/contact.schema.ts';
import type { ContactDeps } from '../../contacts/deps.ts';
import { retryOnConflict } from '../../contacts/retry-on-conflict.ts';
import { domainEvent } from '../../shared/events/outbox.ts';
import type { SuppressionReason } from './feedback.ts';

export type SuppressOutcome = 'suppressed' | 'unchanged' | 'no contact';

export const suppressContact = (
  workspaceId: string,
  contactId: string,
  reason: SuppressionReason,
  happened: { readonly at: string; readonly messageId?: string },
  deps: ContactDeps,
): Promise<SuppressOutcome> =>
  retryOnConflict('suppress contact', async () => {
    const before = await deps.contacts.get(workspaceId, contactId);
    if (!before) return 'no contact';
    const withdraw = reason === 'complained' && before.consent.email?.status !== 'unsubscribed';
    if (before.suppression && !withdraw) return 'unchanged';
    const now = deps.clock.now().toISOString();
    const after: Contact = {
      ...before,
      ...(before.suppression ? {} : { suppression: { reason, at: happened.at } }),
      consent: withdraw
        ? { ...before.consent, email: { status: 'unsubscribed', source: 'complaint', at: happened.at } }
        : before.consent,
      rev: before.rev + 1,
      updatedAt: now,
    };
    const event = before.suppression
      ? domainEvent(
          'contact.consent.changed',
          workspaceId,
          { contactId, channel: 'email', status: 'unsubscribed', source: 'complaint' },
          deps.clock,
        )
      : domainEvent(
          'contact.suppressed',
          workspaceId,
          { contactId, reason, ...(happened.messageId ? { messageId: happened.messageId } : {}) },
          deps.clock,
        );
    await deps.contacts.replace(after, before, event);
    return before.suppression ? 'unchanged' : 'suppressed';
  });
