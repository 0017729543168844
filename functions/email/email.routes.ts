/** The email API's contracts: one email to one contact, and a template's test send. */
import * as z from 'zod';
import { queuedEmail, sendEmailBody, testSendBody } from '../../lib/email/send/email-api.schema.ts';
import { templateRefSchema } from '../../lib/email/send/send-request.schema.ts';
import { errorBodySchema, errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

export const sendEmailRoute = defineRoute({
  operationId: 'sendEmail',
  method: 'POST',
  path: '/v1/emails',
  scope: 'write',
  tag: 'email',
  summary:
    'Send one template to one contact (queued; consent, suppression and the sender are checked at send time). ' +
    'With an `Idempotency-Key` header (8-128 printable characters), a retried request within 24 h queues the ' +
    'same message, which is sent at most once.',
  body: sendEmailBody,
  responses: {
    202: { description: 'queued', schema: queuedEmail },
    ...errorResponses,
    ...notFound,
    409: { description: 'the Idempotency-Key was used with another body', schema: errorBodySchema },
  },
});

export const testSendRoute = defineRoute({
  operationId: 'testSendTemplate',
  method: 'POST',
  path: '/v1/templates/{templateId}/test-send',
  scope: 'write',
  tag: 'email',
  summary:
    "Send a template, filled with a contact's data, to a test address (at most 20 an hour per workspace). " +
    "The contact's consent does not apply; the sender's rules do.",
  params: z.strictObject({ templateId: templateRefSchema.shape.templateId }),
  body: testSendBody,
  responses: {
    202: { description: 'queued', schema: queuedEmail },
    ...errorResponses,
    ...notFound,
    429: { description: 'over the hourly test-send cap; `Retry-After` says when', schema: errorBodySchema },
  },
});
