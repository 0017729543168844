import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { unscheduleCampaign } from '../../lib/campaigns/campaign-lifecycle.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { unscheduleCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(unscheduleCampaignRoute, async ({ principal, params }) =>
  ok(campaignView(await unscheduleCampaign(principal.workspaceId, params.campaignId, campaignDeps()))),
);
