/**
 * The audience snapshot of one shard of a campaign: its audience read page by page in contact id
 * order and written as chunks (one per page of ≤ 50 recipients, each recipient with its send wave).
 *
 * Resumable and safe to run twice at once: the next page starts after the last contact of the last
 * chunk written, and a chunk is written only if its page number is free. A run that loses the race
 * for a page starts again from whatever chunk the other wrote; a contact is thus in one chunk only,
 * whatever crashed or ran twice.
 */
import type { AudienceSource } from './audience-pages.ts';
import { CHUNK_SIZE, type ChunkRef } from './chunk.schema.ts';
import type { ChunksRepository } from './chunks.repository.ts';

export interface SnapshotDeps {
  readonly chunks: Pick<ChunksRepository, 'create' | 'last'>;
  readonly audience: AudienceSource;
  /** Each contact's send wave (all 0 for a campaign sent at one moment). */
  readonly waves: (contactIds: readonly string[]) => Promise<readonly number[]>;
  /** Called after each chunk this run wrote (to queue it when its wave is due). */
  readonly written?: (ref: ChunkRef, waveSet: readonly number[]) => Promise<void>;
  /** Asked after each page: true stops the run there (out of time), to be resumed by another. */
  readonly stop?: () => boolean;
}

/** Pages read before a run gives up (a safety net against a cursor that never moves). */
const MAX_PAGES = 1_000_000;

export const snapshotShard = async (
  campaign: { readonly workspaceId: string; readonly campaignId: string },
  shard: number,
  deps: SnapshotDeps,
): Promise<{ readonly chunks: number; readonly done: boolean }> => {
  const { workspaceId, campaignId } = campaign;
  const resume = async () => {
    const last = await deps.chunks.last(workspaceId, campaignId, shard);
    return { page: last ? last.page + 1 : 0, after: last?.contacts.at(-1) };
  };
  let { page, after } = await resume();
  for (let read = 0; read < MAX_PAGES; read++) {
    const next = await deps.audience.page(shard, after, CHUNK_SIZE);
    if (next.contactIds.length > 0) {
      const ref: ChunkRef = { workspaceId, campaignId, shard, page };
      const waves = await deps.waves(next.contactIds);
      if (!(await deps.chunks.create(ref, next.contactIds, waves))) {
        // Another run wrote this page first: go on from what it wrote.
        ({ page, after } = await resume());
        continue;
      }
      await deps.written?.(
        ref,
        [...new Set(waves)].sort((a, b) => a - b),
      );
      page++;
    }
    after = next.last ?? after;
    // The pages are numbered from 0 without gaps: the next free page is how many chunks the shard has.
    if (next.done) return { chunks: (await resume()).page, done: true };
    if (deps.stop?.()) return { chunks: page, done: false };
  }
  throw new Error(`the snapshot of shard ${shard} of ${campaignId} did not end`);
};
