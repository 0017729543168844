import { readCampaignResults } from '../../lib/campaigns/results/read-campaign-results.ts';
import { resultsDeps } from '../shared/campaign-results-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getCampaignResultsRoute } from './campaign-report.routes.ts';

export const handler = httpHandler(getCampaignResultsRoute, async ({ principal, params }) =>
  ok(await readCampaignResults(principal.workspaceId, params.campaignId, resultsDeps())),
);
