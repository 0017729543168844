/**
 * One email to one contact, as its contact's timeline shows it. The message is a timeline entry
 * (kind `email`) at a key computed from the tags SES hands back (workspace, contact, message id), so
 * the send path claims it and the feedback loop updates it without a lookup table.
 *
 * The message id is time-ordered (`newMessageId`): its creation time gives the entry's place in the
 * timeline, which is why a feedback event can rebuild the key from the message id alone.
 */
import * as z from 'zod';
import { newId } from '../shared/ids.ts';
import { keys } from '../shared/keys.ts';
import { emailKindSchema, originSchema } from './message-tags.ts';

/** Where a message stands; later states win over earlier ones, never the reverse. */
export const MESSAGE_STATUSES = [
  'claimed',
  'refused',
  'failed',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'complained',
  'unsubscribed',
] as const;
export const messageStatusSchema = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** What the timeline entry of a message holds besides the entry's own fields. */
export const emailMessageSchema = z.object({
  messageId: z.string(),
  kind: emailKindSchema,
  origin: originSchema,
  originId: z.string().optional(),
  /** A campaign A/B test email's variant (0-3): its opens, clicks and attributed orders count for it. */
  variant: z.number().int().min(0).max(9).optional(),
  templateId: z.string(),
  version: z.number().int().positive(),
  locale: z.string().optional(),
  subject: z.string().optional(),
  status: messageStatusSchema,
  /** Why it was refused or failed, or the bounce's type and subtype. */
  reason: z.string().optional(),
  /** SES's MessageId once SES accepted it. */
  sesMessageId: z.string().optional(),
  /** Each SES event type applied once (`Delivery`, `Open`...): the feedback loop's idempotence. */
  seen: z.array(z.string()).default([]),
  /** First time of each status reached, ISO. */
  at: z.partialRecord(messageStatusSchema, z.string()).default({}),
  /** Each distinct link clicked, once (value 1): at most 50 links per message (message-clicks.ts). */
  clicks: z.record(z.string(), z.number().int()).optional(),
  /** Transient (soft) bounces seen for this message: counted, never a suppression on their own. */
  softBounces: z.number().int().optional(),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;

const MESSAGE_ID = /^m_[0-9a-z]{26}$/;
export const messageIdSchema = z.string().regex(MESSAGE_ID, 'not a message id');

export const newMessageId = (now: Date): string => newId('m', now);

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** The creation time a message id carries (its first 48 bits), ISO. */
export const messageCreatedAt = (messageId: string): string => {
  const body = messageIdSchema.parse(messageId).slice(2, 12);
  let ms = 0;
  for (const char of body) ms = ms * 32 + CROCKFORD.indexOf(char);
  // 10 base32 characters carry 50 bits: the top two are padding below the 48-bit time.
  return new Date(Math.floor(ms / 4)).toISOString();
};

/** The message's timeline entry key in its contact's partition. */
export const messageKey = (workspaceId: string, contactId: string, messageId: string) =>
  keys.timelineEntry(keys.contactPartition(workspaceId, contactId), messageCreatedAt(messageId), messageId);
