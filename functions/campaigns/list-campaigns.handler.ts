import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { listCampaigns } from '../../lib/campaigns/manage-campaigns.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { listCampaignsRoute } from './campaign.routes.ts';

export const handler = httpHandler(listCampaignsRoute, async ({ principal, query }) => {
  const page = await listCampaigns(principal.workspaceId, query, campaignDeps());
  return ok({ campaigns: page.campaigns.map(campaignView), ...(page.next ? { next: page.next } : {}) });
});
