/**
 * Queues the chunks of one send wave that still have a pending recipient in it: at the wave's time,
 * and again on resume (a paused campaign's chunks stayed pending). Queuing a chunk twice is harmless
 * (its second delivery finds nothing pending), so a dispatch that crashes is simply run again.
 */
import { MEMBERSHIP_SHARDS } from '../../shared/keys.ts';
import type { CampaignChunk } from './chunk.schema.ts';
import type { ChunksRepository } from './chunks.repository.ts';
import type { ChunkJob } from './send-chunk.ts';

/** SQS SendMessageBatch takes at most 10 messages. */
export const ENQUEUE_BATCH = 10;

export interface DispatchDeps {
  readonly chunks: Pick<ChunksRepository, 'list'>;
  /** Puts up to ENQUEUE_BATCH jobs on the send queue. */
  readonly enqueue: (jobs: readonly ChunkJob[]) => Promise<void>;
}

const pendingIn = (chunk: CampaignChunk, wave: number): boolean =>
  chunk.states.some((s, i) => s === 'p' && chunk.waves[i] === wave);

/**
 * Queues one shard's chunks with something pending in one of `waves`, one job per chunk and wave;
 * returns how many were queued.
 */
export const dispatchShard = async (
  campaign: { readonly workspaceId: string; readonly campaignId: string },
  shard: number,
  waves: readonly number[],
  deps: DispatchDeps,
): Promise<number> => {
  const { workspaceId, campaignId } = campaign;
  let batch: ChunkJob[] = [];
  let queued = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await deps.enqueue(batch);
    queued += batch.length;
    batch = [];
  };
  const only = waves.length === 1 ? waves[0] : undefined;
  for await (const chunk of deps.chunks.list(workspaceId, campaignId, shard, only)) {
    for (const wave of waves) {
      if (!pendingIn(chunk, wave)) continue;
      batch.push({ workspaceId, campaignId, shard, page: chunk.page, wave });
      if (batch.length === ENQUEUE_BATCH) await flush();
    }
  }
  await flush();
  return queued;
};

/** Queues the wave's chunks with something pending, every shard at once; returns how many were queued. */
export const dispatchWave = async (
  campaign: { readonly workspaceId: string; readonly campaignId: string },
  wave: number,
  deps: DispatchDeps,
): Promise<number> => {
  const perShard = await Promise.all(
    Array.from({ length: MEMBERSHIP_SHARDS }, (_, shard) => dispatchShard(campaign, shard, [wave], deps)),
  );
  return perShard.reduce((a, b) => a + b, 0);
};
