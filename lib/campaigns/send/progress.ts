/**
 * Where a campaign's recipients stand, counted from its chunks: what the progress API shows while it
 * sends, and what decides that it is done (no recipient pending, claimed or unknown). Reading every
 * chunk of a 1M-recipient campaign is about 5,000 read units (20,000 chunks of ~2 KB, eventually
 * consistent), $0.0006 at list price.
 */
import { MEMBERSHIP_SHARDS } from '../../shared/keys.ts';
import type { CampaignChunk, ChunkState } from './chunk.schema.ts';
import type { ChunksRepository } from './chunks.repository.ts';

export interface CampaignTally {
  /** Recipients in the snapshot. */
  readonly audience: number;
  /** Not sent yet (queued, or released to be sent again). */
  readonly pending: number;
  /** Handed to SES; its answer not recorded yet (`c`), or unknown until SES's Send event (`u`). */
  readonly inFlight: number;
  readonly sent: number;
  /** Not sent: unsubscribed, suppressed, no consent for the topic, no address. */
  readonly suppressed: number;
  readonly failed: number;
  /** Over the workspace's frequency cap. */
  readonly capped: number;
  readonly cancelled: number;
  /** Why recipients were suppressed or failed, with how many each. */
  readonly reasons: Readonly<Record<string, number>>;
}

const FIELD: Record<ChunkState, keyof Omit<CampaignTally, 'audience' | 'reasons'>> = {
  p: 'pending',
  c: 'inFlight',
  u: 'inFlight',
  s: 'sent',
  r: 'suppressed',
  f: 'failed',
  k: 'capped',
  x: 'cancelled',
};

export const emptyTally = (): CampaignTally => ({
  audience: 0,
  pending: 0,
  inFlight: 0,
  sent: 0,
  suppressed: 0,
  failed: 0,
  capped: 0,
  cancelled: 0,
  reasons: {},
});

/** Adds one chunk's recipients to a tally; pure. */
export const addChunk = (tally: CampaignTally, chunk: CampaignChunk): CampaignTally => {
  const next = { ...tally, reasons: { ...tally.reasons } };
  chunk.states.forEach((state, i) => {
    next.audience++;
    next[FIELD[state]]++;
    const reason = chunk.reasons[String(i)];
    if (reason !== undefined && (state === 'r' || state === 'f'))
      next.reasons[reason] = (next.reasons[reason] ?? 0) + 1;
  });
  return next;
};

/** True when every recipient has a final state. */
export const isDone = (t: CampaignTally): boolean => t.pending === 0 && t.inFlight === 0;

/** The tally of a whole campaign: every shard partition read in parallel. */
export const campaignTally = async (
  chunks: Pick<ChunksRepository, 'list'>,
  workspaceId: string,
  campaignId: string,
): Promise<CampaignTally> => {
  const perShard = await Promise.all(
    Array.from({ length: MEMBERSHIP_SHARDS }, async (_, shard) => {
      let tally = emptyTally();
      for await (const chunk of chunks.list(workspaceId, campaignId, shard)) tally = addChunk(tally, chunk);
      return tally;
    }),
  );
  return perShard.reduce(sumTallies, emptyTally());
};

const sumTallies = (a: CampaignTally, b: CampaignTally): CampaignTally => {
  const reasons: Record<string, number> = { ...a.reasons };
  for (const [k, v] of Object.entries(b.reasons)) reasons[k] = (reasons[k] ?? 0) + v;
  return {
    audience: a.audience + b.audience,
    pending: a.pending + b.pending,
    inFlight: a.inFlight + b.inFlight,
    sent: a.sent + b.sent,
    suppressed: a.suppressed + b.suppressed,
    failed: a.failed + b.failed,
    capped: a.capped + b.capped,
    cancelled: a.cancelled + b.cancelled,
    reasons,
  };
};
