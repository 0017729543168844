import { deleteCampaign } from '../../lib/campaigns/manage-campaigns.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, noContent } from '../shared/http-handler.ts';
import { deleteCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(deleteCampaignRoute, async ({ principal, params }) => {
  await deleteCampaign(principal.workspaceId, params.campaignId, campaignDeps());
  return noContent();
});
