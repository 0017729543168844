/** POST /u/{token}: RFC 8058 one-click, or the preference centre's forms. Answers a page, never a redirect. */
import { postUnsubscribePage } from '../../lib/subscriptions/link-pages.ts';
import { httpHandler, page } from '../shared/http-handler.ts';
import { subscriptionDeps } from '../shared/subscription-deps.ts';
import { unsubscribePostRoute } from './subscription.routes.ts';

export const handler = httpHandler(unsubscribePostRoute, async ({ params, body, headers }) => {
  const reply = await postUnsubscribePage(params.token, body, headers['accept-language'], subscriptionDeps());
  return page(reply.status, reply.html);
});
