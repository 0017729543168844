/** GET /u/{token}: the unsubscribe question and preference centre. Never changes anything. */
import { showUnsubscribePage } from '../../lib/subscriptions/link-pages.ts';
import { httpHandler, page } from '../shared/http-handler.ts';
import { subscriptionDeps } from '../shared/subscription-deps.ts';
import { unsubscribePageRoute } from './subscription.routes.ts';

export const handler = httpHandler(unsubscribePageRoute, async ({ params, headers }) => {
  const reply = await showUnsubscribePage(params.token, headers['accept-language'], subscriptionDeps());
  return page(reply.status, reply.html);
});
