/** The ports of a campaign's send pipeline (launch, snapshot, dispatch, sweep, finish, quota). */
import type { ContactsRepository } from '../../contacts/contacts.repository.ts';
import type { TimelineRepository } from '../../events/timeline.repository.ts';
import type { SegmentsRepository } from '../../segments/segments.repository.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Timers } from '../../timers/timers.ts';
import type { CampaignsRepository } from '../campaigns.repository.ts';
import type { ChunksRepository } from './chunks.repository.ts';
import type { ChunkJob } from './send-chunk.ts';
import type { SnapshotShardsRepository } from './snapshot-shards.repository.ts';
import type { CampaignWork } from './work.schema.ts';

export interface PipelineDeps {
  readonly campaigns: CampaignsRepository;
  readonly chunks: ChunksRepository;
  readonly shards: SnapshotShardsRepository;
  readonly segments: Pick<SegmentsRepository, 'membersPage' | 'membersAmong'>;
  readonly contacts: Pick<ContactsRepository, 'getMany' | 'shardPage'>;
  /** Timelines, for an audience condition on events or email engagement. */
  readonly timeline: Pick<TimelineRepository, 'page'>;
  /** The workspace's default time zone (contacts without one), for recipient-local schedules. */
  readonly defaultTimeZone: (workspaceId: string) => Promise<string>;
  readonly timers: Pick<Timers, 'set' | 'cancel'>;
  readonly clock: Clock;
  /** Puts work on the campaign work queue (up to 10 messages a call, or more in several). */
  readonly enqueueWork: (work: readonly CampaignWork[]) => Promise<void>;
  /** Puts chunk jobs on the send queue. */
  readonly enqueueChunks: (jobs: readonly ChunkJob[]) => Promise<void>;
  /** How often the finish check looks at a sending campaign. */
  readonly finishPoll: FinishPoll;
}

export interface FinishPoll {
  /** After the last wave's time, the first look. */
  readonly firstMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export const DEFAULT_FINISH_POLL: FinishPoll = { firstMs: 60_000, minMs: 60_000, maxMs: 30 * 60_000 };
