/** The ports of the campaign use cases. */
import type { Clock } from '../shared/clock.ts';
import type { IdempotentRequestsRepository } from '../shared/idempotency.ts';
import type { Timers } from '../timers/timers.ts';
import type { ReferenceReaders } from './campaign-references.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';

export interface CampaignDeps {
  readonly campaigns: CampaignsRepository;
  /** Records of `Idempotency-Key`s (creating and starting). */
  readonly requests: IdempotentRequestsRepository;
  readonly references: ReferenceReaders;
  /** The timer service: each scheduled campaign has a `campaign-launch` timer at its `sendAt`. */
  readonly timers: Pick<Timers, 'set' | 'cancel'>;
  readonly clock: Clock;
}

/**
 * What a status change that checks no reference needs: the `campaign-launch` timer task, and the send
 * pipeline pausing, resuming, finishing or failing a campaign. `requests` only for idempotent requests.
 */
export interface CampaignStateDeps {
  readonly campaigns: CampaignsRepository;
  readonly clock: Clock;
  readonly requests?: IdempotentRequestsRepository;
}
