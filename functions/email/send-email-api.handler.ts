import { idempotencyKeySchema } from '../../lib/email/send/email-api.schema.ts';
import { sendEmail } from '../../lib/email/send/enqueue-email.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import { enqueueDeps } from '../shared/email-api-deps.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { sendEmailRoute } from './email.routes.ts';

const idempotencyKey = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid';
    throw new ValidationError(`invalid Idempotency-Key: ${message}`, [{ path: 'Idempotency-Key', message }]);
  }
  return parsed.data;
};

export const handler = httpHandler(sendEmailRoute, async ({ principal, body, headers }) => ({
  status: 202,
  body: await sendEmail(
    principal.workspaceId,
    body,
    idempotencyKey(headers['idempotency-key']),
    enqueueDeps(),
  ),
}));
