import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { pauseCampaign } from '../../lib/campaigns/campaign-lifecycle.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { pauseCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(pauseCampaignRoute, async ({ principal, params }) =>
  ok(campaignView(await pauseCampaign(principal.workspaceId, params.campaignId, campaignDeps()))),
);
