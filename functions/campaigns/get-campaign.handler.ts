import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { getCampaign } from '../../lib/campaigns/manage-campaigns.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(getCampaignRoute, async ({ principal, params }) =>
  ok(campaignView(await getCampaign(principal.workspaceId, params.campaignId, campaignDeps()))),
);
