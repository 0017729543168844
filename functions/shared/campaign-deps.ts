/** Dependencies of the campaign functions (the API, and the launch timer task). */
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import type { CampaignDeps, CampaignStateDeps } from '../../lib/campaigns/deps.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { senderDomainsRepository } from '../../lib/senders/sender-domains.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { idempotentRequestsRepository } from '../../lib/shared/idempotency.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { once, table } from './deps.ts';
import { timers } from './timer-deps.ts';

export const campaignStateDeps = once(
  (): CampaignStateDeps => ({ campaigns: campaignsRepository(table()), clock: systemClock }),
);

export const campaignDeps = once(
  (): CampaignDeps => ({
    ...campaignStateDeps(),
    requests: idempotentRequestsRepository(table()),
    references: {
      segments: segmentsRepository(table()),
      templates: templatesRepository(table()),
      workspaces: workspacesRepository(table()),
      senderDomains: senderDomainsRepository(table()),
    },
    timers: timers(),
  }),
);
