/**
 * An unsubscribe made through one of a message's links (the subscriptions capability announces it
 * with `contact.consent.changed` carrying the message id): the message's status becomes
 * `unsubscribed` and its origin's counter counts it, once per message.
 */
import { type DomainEvent, patternFor } from '../../shared/events/catalogue.ts';
import type { CountersRepository } from '../history/counters.repository.ts';
import { messageIdSchema, messageKey } from '../message.schema.ts';
import type { MessagesRepository } from '../messages.repository.ts';
import { NO_ORIGIN_ID } from './feedback-batch.ts';

export interface UnsubscribeDeps {
  readonly messages: Pick<MessagesRepository, 'markUnsubscribed'>;
  readonly counters: Pick<CountersRepository, 'addToOrigin'>;
}

/**
 * The bus rule of `recordUnsubscribe`: only email unsubscribes made through a message's link (they
 * carry its id), not every consent change. The handler still checks the message id's form.
 */
export const UNSUBSCRIBE_THROUGH_MESSAGE_PATTERN = {
  ...patternFor('contact.consent.changed'),
  detail: { data: { channel: ['email'], status: ['unsubscribed'], messageId: [{ exists: true }] } },
};

export const recordUnsubscribe = async (
  event: DomainEvent<'contact.consent.changed'>,
  deps: UnsubscribeDeps,
): Promise<'recorded' | 'ignored' | 'duplicate'> => {
  const { contactId, channel, status, messageId } = event.data;
  if (channel !== 'email' || status !== 'unsubscribed' || !messageId) return 'ignored';
  if (!messageIdSchema.safeParse(messageId).success) return 'ignored';
  const ws = event.workspaceId;
  const origin = await deps.messages.markUnsubscribed(messageKey(ws, contactId, messageId), event.occurredAt);
  if (!origin) return 'duplicate';
  await deps.counters.addToOrigin(ws, origin.origin, origin.originId ?? NO_ORIGIN_ID, { unsubscribed: 1 });
  return 'recorded';
};
