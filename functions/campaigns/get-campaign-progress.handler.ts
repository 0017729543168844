import { readCampaignProgress } from '../../lib/campaigns/results/campaign-progress.ts';
import { progressDeps } from '../shared/campaign-results-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getCampaignProgressRoute } from './campaign-report.routes.ts';

export const handler = httpHandler(getCampaignProgressRoute, async ({ principal, params }) =>
  ok(await readCampaignProgress(principal.workspaceId, params.campaignId, progressDeps())),
);
