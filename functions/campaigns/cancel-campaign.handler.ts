import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { cancelCampaign } from '../../lib/campaigns/campaign-lifecycle.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { cancelCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(cancelCampaignRoute, async ({ principal, params }) =>
  ok(campaignView(await cancelCampaign(principal.workspaceId, params.campaignId, campaignDeps()))),
);
