import { sendingStatus } from '../../lib/email/feedback/sending-status.ts';
import { sendingDeps } from '../shared/feedback-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getSendingStatusRoute } from './sending.routes.ts';

export const handler = httpHandler(getSendingStatusRoute, async ({ principal }) =>
  ok(await sendingStatus(principal.workspaceId, sendingDeps())),
);
