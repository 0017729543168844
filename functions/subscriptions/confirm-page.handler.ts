/** GET /c/{token}: the double opt-in page with its confirm button. Never changes anything. */
import { showConfirmPage } from '../../lib/subscriptions/link-pages.ts';
import { httpHandler, page } from '../shared/http-handler.ts';
import { subscriptionDeps } from '../shared/subscription-deps.ts';
import { confirmPageRoute } from './subscription.routes.ts';

export const handler = httpHandler(confirmPageRoute, async ({ params, headers }) => {
  const reply = await showConfirmPage(params.token, headers['accept-language'], subscriptionDeps());
  return page(reply.status, reply.html);
});
