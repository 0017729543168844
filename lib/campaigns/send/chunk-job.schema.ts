/**
 * A campaign chunk job on the send queue (lib/email/send/send-queue.ts): which wave of which chunk to
 * send. It shares the queue with one-off send requests, so campaigns, journeys and the API share the
 * send function's concurrency (derived from the account's send rate), and SQS's fair queues share it
 * between workspaces (each message's group is its workspace).
 */
import * as z from 'zod';
import { MEMBERSHIP_SHARDS } from '../../shared/keys.ts';
import type { ChunkJob } from './send-chunk.ts';

export const CHUNK_JOB_TYPE = 'campaignChunk';

export const chunkJobSchema = z.strictObject({
  type: z.literal(CHUNK_JOB_TYPE),
  workspaceId: z.string().regex(/^ws_[a-z0-9_]{3,40}$/, 'not a workspace id'),
  campaignId: z.string().regex(/^cmp_[0-9a-z]{1,40}$/, 'not a campaign id'),
  shard: z
    .number()
    .int()
    .min(0)
    .max(MEMBERSHIP_SHARDS - 1),
  page: z.number().int().min(0),
  wave: z.number().int().min(0),
});

export type ChunkJobMessage = z.infer<typeof chunkJobSchema>;

/** The queue message body of a job. */
export const chunkJobMessage = (job: ChunkJob): z.infer<typeof chunkJobSchema> => ({
  type: CHUNK_JOB_TYPE,
  workspaceId: job.workspaceId,
  campaignId: job.campaignId,
  shard: job.shard,
  page: job.page,
  wave: job.wave,
});
