import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { scheduleCampaign } from '../../lib/campaigns/campaign-lifecycle.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { scheduleCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(scheduleCampaignRoute, async ({ principal, params, body }) =>
  ok(campaignView(await scheduleCampaign(principal.workspaceId, params.campaignId, body, campaignDeps()))),
);
