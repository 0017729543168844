import { sendEmail } from '../../lib/email/send/enqueue-email.ts';
import { parseIdempotencyKey } from '../../lib/shared/idempotency.ts';
import { enqueueDeps } from '../shared/email-api-deps.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { sendEmailRoute } from './email.routes.ts';

export const handler = httpHandler(sendEmailRoute, async ({ principal, body, headers }) => ({
  status: 202,
  body: await sendEmail(
    principal.workspaceId,
    body,
    parseIdempotencyKey(headers['idempotency-key']),
    enqueueDeps(),
  ),
}));
