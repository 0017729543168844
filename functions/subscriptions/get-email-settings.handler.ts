import { readEmailSettings } from '../../lib/subscriptions/email-settings.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { subscriptionDeps } from '../shared/subscription-deps.ts';
import { getEmailSettingsRoute } from './subscription.routes.ts';

export const handler = httpHandler(getEmailSettingsRoute, async ({ principal }) =>
  ok(await readEmailSettings(principal.workspaceId, subscriptionDeps())),
);
