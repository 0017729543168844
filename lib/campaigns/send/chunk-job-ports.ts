/** What the send function needs for campaign chunk jobs, besides the send path itself. */
import type { ChunkJob, ChunkSendDeps } from './send-chunk.ts';

export interface CampaignSendPorts extends ChunkSendDeps {
  /** SES's 24-hour quota met: the campaign work queue pauses the campaign (daily-quota.ts). */
  readonly pauseForQuota: (workspaceId: string, campaignId: string) => Promise<void>;
  /** Queues a chunk job afresh (its receive count starts again). */
  readonly requeue: (job: ChunkJob) => Promise<void>;
}
