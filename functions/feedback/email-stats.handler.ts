import { sendingDeps } from '../shared/feedback-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { emailStatsRoute } from './sending.routes.ts';

export const handler = httpHandler(emailStatsRoute, async ({ principal, params }) => {
  const { counters } = sendingDeps();
  const [counts, links] = await Promise.all([
    counters.originTotals(principal.workspaceId, params.origin, params.originId),
    counters.originLinks(principal.workspaceId, params.origin, params.originId),
  ]);
  return ok({ origin: params.origin, originId: params.originId, counts, links });
});
