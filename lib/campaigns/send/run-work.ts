/**
 * One message of the campaign work queue (work.schema.ts), for one shard:
 *
 * - `snapshot`: the shard's audience written as chunks (snapshot.ts), each chunk queued for its due
 *   waves as it is written; out of time, the run queues its own continuation; done, the shard is
 *   marked written whole (the finish check waits for all of them);
 * - `dispatch`: the shard's chunks with something pending in a wave (a wave's timer) or in every due
 *   wave (a resume, or the finish check finding recipients left behind) queued again;
 * - `sweep`: a cancelled campaign's pending recipients in the shard marked cancelled.
 */
import { keys } from '../../shared/keys.ts';
import type { Campaign } from '../campaign.schema.ts';
import { type AudienceSource, segmentAudience } from './audience-pages.ts';
import type { ChunkRef } from './chunk.schema.ts';
import { conditionAudience } from './condition-audience.ts';
import { dispatchShard, ENQUEUE_BATCH } from './dispatch.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import type { ChunkJob } from './send-chunk.ts';
import { snapshotShard } from './snapshot.ts';
import { dueWaves, type WavePlan, wavePlan } from './wave-plan.ts';
import type { CampaignWork } from './work.schema.ts';

export interface WorkOptions {
  /** True when the run should stop and leave the rest to a continuation (the function's time). */
  readonly outOfTime: () => boolean;
}

const SENDING_OR_PAUSED = new Set(['sending', 'paused']);

const zonesWaves = (campaign: Campaign, plan: WavePlan, deps: PipelineDeps) =>
  plan.byZone
    ? async (ids: readonly string[]) => {
        const found = await deps.contacts.getMany(ids.map((id) => keys.contact(campaign.workspaceId, id)));
        const zoneOf = new Map(found.map((c) => [c.id, c.timezone]));
        return ids.map((id) => plan.waveOf(zoneOf.get(id)));
      }
    : async (ids: readonly string[]) => ids.map(() => 0);

const audienceOf = (campaign: Campaign, deps: PipelineDeps): AudienceSource => {
  const { audience, workspaceId } = campaign;
  if ('segments' in audience)
    return segmentAudience(
      { workspaceId, include: audience.segments.include, exclude: audience.segments.exclude },
      deps.segments,
    );
  return conditionAudience(workspaceId, audience.condition, deps);
};

const snapshot = async (
  campaign: Campaign,
  shard: number,
  deps: PipelineDeps,
  options: WorkOptions,
): Promise<string> => {
  const { workspaceId, id: campaignId } = campaign;
  const plan = wavePlan(campaign, await deps.defaultTimeZone(workspaceId));
  let queue: ChunkJob[] = [];
  const flush = async () => {
    if (queue.length > 0) await deps.enqueueChunks(queue);
    queue = [];
  };
  const written = async (ref: ChunkRef, waveSet: readonly number[]) => {
    // The wave is due if its time has come now that the chunk is written: a wave whose timer fires
    // later finds the chunk then (timer-ids.ts, start-send.ts).
    const due = new Set(dueWaves(plan, deps.clock.now()));
    for (const wave of waveSet) if (due.has(wave)) queue.push({ ...ref, wave });
    if (queue.length >= ENQUEUE_BATCH) await flush();
  };
  let cancelled = false;
  let checks = 0;
  const stop = () => options.outOfTime() || cancelled;
  const out = await snapshotShard({ workspaceId, campaignId }, shard, {
    chunks: deps.chunks,
    audience: audienceOf(campaign, deps),
    waves: zonesWaves(campaign, plan, deps),
    written: async (ref, waveSet) => {
      await written(ref, waveSet);
      // A cancel during a long snapshot stops it (every 20 chunks, a read of the campaign).
      if (++checks % 20 === 0)
        cancelled = (await deps.campaigns.get(workspaceId, campaignId))?.status === 'cancelled';
    },
    stop,
  });
  await flush();
  if (cancelled) {
    await deps.enqueueWork([{ work: 'sweep', workspaceId, campaignId, shard }]);
    return `cancelled after ${out.chunks} chunks`;
  }
  if (!out.done) {
    await deps.enqueueWork([{ work: 'snapshot', workspaceId, campaignId, shard }]);
    return `continued after ${out.chunks} chunks`;
  }
  await deps.shards.markDone(workspaceId, campaignId, shard, out.chunks);
  return `${out.chunks} chunks`;
};

const sweep = async (workspaceId: string, campaignId: string, shard: number, deps: PipelineDeps) => {
  let swept = 0;
  for await (const chunk of deps.chunks.list(workspaceId, campaignId, shard))
    if (chunk.states.includes('p'))
      swept += await deps.chunks.cancelPending({ workspaceId, campaignId, shard, page: chunk.page }, chunk);
  return `${swept} recipients cancelled`;
};

export const runCampaignWork = async (
  work: CampaignWork,
  deps: PipelineDeps,
  options: WorkOptions,
): Promise<string> => {
  const { workspaceId, campaignId, shard } = work;
  if (work.work === 'sweep') return sweep(workspaceId, campaignId, shard, deps);
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (!campaign) return 'no such campaign';
  if (campaign.status === 'cancelled') return sweep(workspaceId, campaignId, shard, deps);
  if (!SENDING_OR_PAUSED.has(campaign.status)) return `the campaign is ${campaign.status}`;
  if (work.work === 'snapshot') return snapshot(campaign, shard, deps, options);
  if (campaign.status !== 'sending') return `the campaign is ${campaign.status}`;
  const waves =
    work.wave !== undefined
      ? [work.wave]
      : dueWaves(wavePlan(campaign, await deps.defaultTimeZone(workspaceId)), deps.clock.now());
  const queued = await dispatchShard({ workspaceId, campaignId }, shard, waves, {
    chunks: deps.chunks,
    enqueue: deps.enqueueChunks,
  });
  return `${queued} chunk jobs queued`;
};
