/** Dependencies of a campaign's progress and results routes, and of order attribution. */
import type { AttributionDeps } from '../../lib/campaigns/results/attribute-order.ts';
import { attributionSettings } from '../../lib/campaigns/results/attribution-settings.ts';
import type { ProgressDeps } from '../../lib/campaigns/results/campaign-progress.ts';
import { conversionsRepository } from '../../lib/campaigns/results/conversions.repository.ts';
import type { ResultsDeps } from '../../lib/campaigns/results/read-campaign-results.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { campaignTouchesRepository } from '../../lib/email/history/campaign-touches.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { campaignStateDeps } from './campaign-deps.ts';
import { once, table } from './deps.ts';

export const progressDeps = once(
  (): ProgressDeps => ({ campaigns: campaignStateDeps().campaigns, chunks: chunksRepository(table()) }),
);

export const resultsDeps = once(
  (): ResultsDeps => ({
    ...progressDeps(),
    counters: countersRepository(table()),
    conversions: conversionsRepository(table()),
    settings: attributionSettings(workspacesRepository(table())),
  }),
);

export const attributionDeps = once(
  (): AttributionDeps => ({
    settings: attributionSettings(workspacesRepository(table())),
    touches: campaignTouchesRepository(table()),
    conversions: conversionsRepository(table()),
  }),
);
