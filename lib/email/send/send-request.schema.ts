/**
 * The send request: what campaigns, journeys, the API and the alerts put on the send queue. One
 * request is one template version to at most 50 recipients (one SES SendBulkEmail call), each with
 * the message id it will be sent under: the id is chosen by the caller, so a request queued twice
 * (SQS redelivery, a retried fan-out) still sends each message at most once.
 */
import * as z from 'zod';
import { contactIdSchema, emailSchema } from '../../shared/values/identity.schema.ts';
import { topicIdSchema } from '../../workspaces/email-settings.schema.ts';
import { messageIdSchema } from '../message.schema.ts';
import { emailKindSchema, originSchema, recipientIsContact } from '../message-tags.ts';
import { isHeaderSafe } from './header-safety.ts';
import { utmParamsSchema } from './utm.ts';

/** SES SendBulkEmail takes at most 50 entries a call. */
export const MAX_RECIPIENTS = 50;

const tagSafeId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'letters, digits, _ and - only (an SES tag value)');

export const templateRefSchema = z.strictObject({
  templateId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a template id is lower-case letters, digits and -'),
  version: z.number().int().positive(),
});

export const sendRecipientSchema = z.strictObject({
  contactId: contactIdSchema,
  messageId: messageIdSchema,
  /** What triggered this email (the order, the checkout...): the template reads it as `data`. */
  data: z.record(z.string(), z.unknown()).optional(),
  /**
   * Test sends and alerts only: deliver to this address instead of the contact's (the contact lends its data).
   * Consent and suppression of the contact do not apply to a test send; the sender's rules do.
   */
  to: emailSchema.optional(),
});
export type SendRecipient = z.infer<typeof sendRecipientSchema>;

export const sendRequestSchema = z
  .strictObject({
    workspaceId: z.string().regex(/^ws_[a-z0-9_]{3,40}$/, 'not a workspace id'),
    kind: emailKindSchema,
    origin: originSchema,
    /** The campaign id, `<journeyId>-<stepId>`, the template id...; an SES tag value. */
    originId: tagSafeId.optional(),
    template: templateRefSchema,
    /** The subscription topic of a marketing email (newsletter, product news...). */
    topic: topicIdSchema.optional(),
    /** UTM parameters added to the email's links (a campaign's). */
    utm: utmParamsSchema.optional(),
    /** The sender domain to send from (one the workspace registered), instead of its default. */
    senderDomain: z.string().min(3).max(253).optional(),
    /** A campaign's chunk (`<shard>-<page>`): tagged on each email, so SES's Send event finds its claim. */
    chunk: z
      .string()
      .regex(/^\d{1,2}-\d{1,8}$/, 'a chunk is <shard>-<page>')
      .optional(),
    /**
     * A subject (Liquid, one line) instead of the template's: a campaign's A/B variant. Rendered like
     * the template's own subject; refused here if it holds anything that could end a header line.
     */
    subject: z
      .string()
      .min(1)
      .max(998)
      .refine(isHeaderSafe, 'the subject is one line, without control characters')
      .optional(),
    /** A campaign's A/B variant (its index): tagged on each email, so feedback is counted per variant. */
    variant: z.number().int().min(0).max(9).optional(),
    recipients: z
      .array(sendRecipientSchema)
      .min(1)
      .max(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS} recipients a request (one SES bulk call)`)
      .refine((r) => new Set(r.map((x) => x.messageId)).size === r.length, 'message ids must be unique'),
  })
  .refine((r) => !recipientIsContact(r.origin) || r.recipients.every((x) => x.to === undefined), {
    message: '`to` is for test sends and alerts only',
    path: ['recipients'],
  })
  // Their recipient is not the contact, so the contact's consent and suppression are not checked:
  // without `to` they would go to the contact unchecked.
  .refine((r) => recipientIsContact(r.origin) || r.recipients.every((x) => x.to !== undefined), {
    message: 'test sends and alerts need `to` on every recipient',
    path: ['recipients'],
  });
export type SendRequest = z.infer<typeof sendRequestSchema>;
