import { campaignWithAbResults } from '../../lib/campaigns/ab-results.ts';
import { abDecideDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(getCampaignRoute, async ({ principal, params }) =>
  ok(await campaignWithAbResults(principal.workspaceId, params.campaignId, abDecideDeps())),
);
