import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { startCampaign } from '../../lib/campaigns/campaign-lifecycle.ts';
import { parseIdempotencyKey } from '../../lib/shared/idempotency.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { startCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(startCampaignRoute, async ({ principal, params, headers }) => {
  const { campaign, replayed } = await startCampaign(
    principal.workspaceId,
    params.campaignId,
    parseIdempotencyKey(headers['idempotency-key']),
    campaignDeps(),
  );
  return {
    status: 200,
    body: campaignView(campaign),
    ...(replayed ? { headers: { 'idempotent-replayed': 'true' } } : {}),
  };
});
