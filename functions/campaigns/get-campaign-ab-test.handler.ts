import { getAbTestResults } from '../../lib/campaigns/ab-results.ts';
import { abDecideDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getCampaignAbTestRoute } from './ab-test.routes.ts';

export const handler = httpHandler(getCampaignAbTestRoute, async ({ principal, params }) =>
  ok(await getAbTestResults(principal.workspaceId, params.campaignId, abDecideDeps())),
);
