/**
 * A campaign email sent from a chunk has no message entry (its claim lives in the chunk): its first
 * feedback (an open, a click, a bounce, a complaint, a rejection) writes the entry whole, in one
 * conditional put, from what the email's tags say was sent, with that feedback applied. Later
 * feedback updates it like any other message's.
 */
import { type EmailMessage, messageCreatedAt } from '../message.schema.ts';
import { readTemplateTag } from '../message-tags.ts';
import { type Feedback, statusesBefore } from './feedback.ts';

/** The entry the first feedback writes, or undefined when the tags do not say what was sent. */
export const entryFromFirstFeedback = (feedback: Feedback): EmailMessage | undefined => {
  const { tags } = feedback;
  const template = readTemplateTag(tags.template);
  if (!template) return undefined;
  const { status } = feedback;
  const moves = status !== undefined && statusesBefore(status).includes('sent');
  return {
    messageId: tags.messageId,
    kind: tags.kind,
    origin: tags.origin,
    ...(tags.originId !== undefined ? { originId: tags.originId } : {}),
    ...(tags.variant !== undefined ? { variant: Number(tags.variant) } : {}),
    templateId: template.templateId,
    version: template.version,
    // Sent at the campaign's launch: the time its message ids carry.
    status: moves ? status : 'sent',
    ...(moves && feedback.reason !== undefined ? { reason: feedback.reason } : {}),
    seen: [feedback.seenKey],
    at: {
      sent: messageCreatedAt(tags.messageId),
      ...(status !== undefined ? { [status]: feedback.at } : {}),
    },
    ...(feedback.kind === 'softBounced' ? { softBounces: 1 } : {}),
    ...(feedback.link !== undefined ? { clicks: { [feedback.link]: 1 } } : {}),
  };
};
