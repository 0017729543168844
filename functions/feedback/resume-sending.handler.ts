import { resumeSending } from '../../lib/email/feedback/sending-status.ts';
import { sendingDeps } from '../shared/feedback-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { resumeSendingRoute } from './sending.routes.ts';

export const handler = httpHandler(resumeSendingRoute, async ({ principal }) =>
  ok(await resumeSending(principal.workspaceId, principal.actor, sendingDeps())),
);
