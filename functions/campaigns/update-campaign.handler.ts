import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { updateCampaign } from '../../lib/campaigns/manage-campaigns.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { updateCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(updateCampaignRoute, async ({ principal, params, body }) =>
  ok(campaignView(await updateCampaign(principal.workspaceId, params.campaignId, body, campaignDeps()))),
);
