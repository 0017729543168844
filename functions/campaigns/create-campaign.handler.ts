import { campaignView } from '../../lib/campaigns/campaign.schema.ts';
import { createCampaign } from '../../lib/campaigns/manage-campaigns.ts';
import { parseIdempotencyKey } from '../../lib/shared/idempotency.ts';
import { campaignDeps } from '../shared/campaign-deps.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { createCampaignRoute } from './campaign.routes.ts';

export const handler = httpHandler(createCampaignRoute, async ({ principal, body, headers }) => {
  const { campaign, replayed } = await createCampaign(
    principal.workspaceId,
    body,
    parseIdempotencyKey(headers['idempotency-key']),
    campaignDeps(),
  );
  return {
    status: 201,
    body: campaignView(campaign),
    ...(replayed ? { headers: { 'idempotent-replayed': 'true' } } : {}),
  };
});
