/** Dependencies of the campaign functions (the API, and the launch and A/B decision timer tasks). */
import type { AbDecideDeps } from '../../lib/campaigns/ab-decide.ts';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import type { CampaignDeps, CampaignStateDeps } from '../../lib/campaigns/deps.ts';
import { conversionsRepository } from '../../lib/campaigns/results/conversions.repository.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
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

/** The A/B decision timer task: the campaign, its chunks and feedback counters, the timer service. */
export const abDecideDeps = once(
  (): AbDecideDeps => ({
    campaigns: campaignsRepository(table()),
    chunks: chunksRepository(table()),
    counters: countersRepository(table()),
    conversions: conversionsRepository(table()),
    timers: timers(),
    clock: systemClock,
  }),
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
