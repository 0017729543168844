/** POST /c/{token}: confirms a double opt-in, with source and time. */
import { postConfirmPage } from '../../lib/subscriptions/link-pages.ts';
import { httpHandler, page } from '../shared/http-handler.ts';
import { subscriptionDeps } from '../shared/subscription-deps.ts';
import { confirmPostRoute } from './subscription.routes.ts';

export const handler = httpHandler(confirmPostRoute, async ({ params, headers }) => {
  const reply = await postConfirmPage(params.token, headers['accept-language'], subscriptionDeps());
  return page(reply.status, reply.html);
});
