/**
 * Sends the double opt-in confirmation a subscribe asked for (`confirmationMessageId` on its
 * `contact.consent.changed` event): a transactional email (template `double-opt-in`) whose
 * `confirm_url` is a signed confirmation link. The send path sends a message id at most once, so a
 * redelivered event cannot send it twice; a contact no longer pending (confirmed, unsubscribed or
 * erased since) gets nothing.
 */
import { type DomainEvent, patternFor } from '../shared/events/catalogue.ts';
import type { SubscriptionDeps } from './deps.ts';
import { confirmationLink } from './links.ts';

export interface ConfirmationRequest {
  readonly workspaceId: string;
  readonly contactId: string;
  /** The message id to send it as (at most once). */
  readonly messageId: string;
  /** `{{ confirm_url }}` of the `double-opt-in` template. */
  readonly confirmUrl: string;
}

/** The send path, as subscriptions need it: one transactional `double-opt-in` email. */
export interface ConfirmationPort {
  send(request: ConfirmationRequest): Promise<void>;
}

export interface ConfirmationDeps extends Pick<SubscriptionDeps, 'clock' | 'linkKey'> {
  readonly contacts: Pick<SubscriptionDeps['contacts'], 'get'>;
  readonly publicUrl: string;
  readonly confirmations: ConfirmationPort;
}

/**
 * The bus rule of `requestConfirmation`: only the consent changes that ask for a confirmation (a
 * subscribe under double opt-in), not every consent change of every contact.
 */
export const CONFIRMATION_REQUEST_PATTERN = {
  ...patternFor('contact.consent.changed'),
  detail: { data: { confirmationMessageId: [{ exists: true }] } },
};

export const requestConfirmation = async (
  event: DomainEvent<'contact.consent.changed'>,
  deps: ConfirmationDeps,
): Promise<'sent' | 'not-pending' | 'none'> => {
  const messageId = event.data.confirmationMessageId;
  if (!messageId) return 'none';
  const { workspaceId } = event;
  const { contactId } = event.data;
  const contact = await deps.contacts.get(workspaceId, contactId);
  if (contact?.consent.email?.status !== 'pending') return 'not-pending';
  const confirmUrl = confirmationLink(
    deps.publicUrl,
    await deps.linkKey(),
    { workspaceId, contactId },
    deps.clock.now(),
  );
  await deps.confirmations.send({ workspaceId, contactId, messageId, confirmUrl });
  return 'sent';
};
