/** The email API's bodies and answers: `POST /v1/emails` and `POST /v1/templates/{id}/test-send`. */
import * as z from 'zod';
import { variantSubjectSchema } from '../../campaigns/ab-test.schema.ts';
import { contactIdSchema, emailSchema } from '../../shared/values/identity.schema.ts';
import { templateRefSchema } from './send-request.schema.ts';

const data = z
  .record(z.string(), z.unknown())
  .describe('what the template reads as `data` (the order, the checkout...)')
  .optional();
const version = templateRefSchema.shape.version
  .describe('the template version; the latest when absent')
  .optional();

export const sendEmailBody = z.strictObject({
  contactId: contactIdSchema,
  templateId: templateRefSchema.shape.templateId,
  version,
  data,
});
export type SendEmailBody = z.infer<typeof sendEmailBody>;

export const testSendBody = z.strictObject({
  to: emailSchema.describe('where the test goes (the contact lends only its data)'),
  contactId: contactIdSchema.describe('the contact whose data fills the template'),
  version,
  data,
  subject: variantSubjectSchema
    .optional()
    .describe("a subject (Liquid) instead of the template's, as an A/B test's variant would send it"),
});
export type TestSendBody = z.infer<typeof testSendBody>;

export const queuedEmail = z.strictObject({
  messageId: z.string(),
  status: z.literal('queued'),
  templateId: z.string(),
  version: z.number().int(),
  /** True when an earlier request with the same `Idempotency-Key` queued this message. */
  replayed: z.boolean(),
});
export type QueuedEmail = z.infer<typeof queuedEmail>;
