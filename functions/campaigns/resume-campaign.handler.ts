import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { resumeCampaign } from '../../lib/campaigns/campaign-lifecycle.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { resumeCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(resumeCampaignRoute, async ({ principal, params }) =>
  ok(campaignView(await resumeCampaign(principal.workspaceId, params.campaignId, campaignDeps()))),
);
