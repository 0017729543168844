/** A campaign's results (campaign-results.ts), read: its tally, counters, links and conversions at once. */

import type { CountersRepository } from '../../email/history/counters.repository.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { AttributionSettings } from '../../workspaces/email-settings.schema.ts';
import { type ProgressDeps, readCampaignTally } from './campaign-progress.ts';
import { type CampaignResults, resultsOf } from './campaign-results.ts';
import type { ConversionsRepository } from './conversions.repository.ts';

/** The origin a campaign's emails are counted under (the send path tags them so). */
export const CAMPAIGN_ORIGIN = 'campaign';

export interface ResultsDeps extends ProgressDeps {
  readonly counters: Pick<CountersRepository, 'originTotals' | 'originLinks'>;
  readonly conversions: Pick<ConversionsRepository, 'revenue'>;
  readonly settings: (workspaceId: string) => Promise<AttributionSettings | undefined>;
}

/**
 * @throws NotFoundError when the workspace has no such campaign.
 */
export const readCampaignResults = async (
  workspaceId: string,
  campaignId: string,
  deps: ResultsDeps,
): Promise<CampaignResults> => {
  const [{ campaign, tally }, counts, links, revenue, settings] = await Promise.all([
    readCampaignTally(workspaceId, campaignId, deps),
    deps.counters.originTotals(workspaceId, CAMPAIGN_ORIGIN, campaignId),
    deps.counters.originLinks(workspaceId, CAMPAIGN_ORIGIN, campaignId),
    deps.conversions.revenue(workspaceId, campaignId),
    deps.settings(workspaceId),
  ]);
  if (!settings) throw new NotFoundError('no such workspace');
  return resultsOf({ campaign, tally, counts, links, revenue, attribution: settings });
};
