import { testSend } from '../../lib/email/send/enqueue-email.ts';
import { enqueueDeps } from '../shared/email-api-deps.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { testSendRoute } from './email.routes.ts';

export const handler = httpHandler(testSendRoute, async ({ principal, params, body }) => ({
  status: 202,
  body: await testSend(principal.workspaceId, params.templateId, body, enqueueDeps()),
}));
