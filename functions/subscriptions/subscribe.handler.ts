import { subscribe } from '../../lib/subscriptions/subscribe.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { subscriptionDeps } from '../shared/subscription-deps.ts';
import { subscribeRoute } from './subscription.routes.ts';

export const handler = httpHandler(subscribeRoute, async ({ principal, body }) => {
  await subscribe(principal.workspaceId, body, subscriptionDeps());
  return { status: 202, body: { accepted: true } };
});
