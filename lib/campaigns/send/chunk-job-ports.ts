/** What the send function needs for campaign chunk jobs, besides the send path itself. */
import type { QuotaDeps } from './daily-quota.ts';
import type { ChunkJob, ChunkSendDeps } from './send-chunk.ts';

export interface CampaignSendPorts extends ChunkSendDeps {
  readonly quota: QuotaDeps;
  /** Queues a chunk job afresh (its receive count starts again). */
  readonly requeue: (job: ChunkJob) => Promise<void>;
}
