import { putEmailSettings } from '../../lib/subscriptions/email-settings.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { subscriptionDeps } from '../shared/subscription-deps.ts';
import { putEmailSettingsRoute } from './subscription.routes.ts';

export const handler = httpHandler(putEmailSettingsRoute, async ({ principal, body }) =>
  ok(await putEmailSettings(principal.workspaceId, body, subscriptionDeps())),
);
