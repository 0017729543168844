/**
 * What the campaign events start (the work queue receives them from the bus):
 *
 * - `campaign.launched`: a timer per wave still ahead (a recipient-local schedule), the first finish
 *   check after the last wave, and the audience snapshot of each shard (whose chunks of a due wave
 *   are queued as they are written);
 * - `campaign.resumed`: every shard's pending chunks of the due waves queued again, and a finish check;
 * - `campaign.cancelled`: every shard swept (pending recipients become cancelled).
 *
 * Each step is safe to repeat: timers have fixed ids, a snapshot resumes, a chunk queued twice sends
 * nothing twice. An event of a campaign that has since moved on does what still applies.
 */
import type { DomainEvent } from '../../shared/events/catalogue.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { finishTimerId, waveTimerId } from './timer-ids.ts';
import { lastWaveAt, wavePlan } from './wave-plan.ts';
import { perShard } from './work.schema.ts';

export type CampaignEvent = DomainEvent<'campaign.launched' | 'campaign.resumed' | 'campaign.cancelled'>;

/** The campaign events the work queue takes (its bus rule's pattern). */
export const CAMPAIGN_WORK_EVENTS = ['campaign.launched', 'campaign.resumed', 'campaign.cancelled'] as const;

export const isCampaignWorkEvent = (event: DomainEvent): event is CampaignEvent =>
  event.type === 'campaign.launched' ||
  event.type === 'campaign.resumed' ||
  event.type === 'campaign.cancelled';

/** Sets the finish check's next timer. */
export const scheduleFinishCheck = async (
  workspaceId: string,
  campaignId: string,
  due: Date,
  input: { readonly settled?: number; readonly checkedAt?: string; readonly inFlightSince?: string },
  deps: Pick<PipelineDeps, 'timers'>,
): Promise<void> => {
  await deps.timers.set(workspaceId, 'campaign-finish', finishTimerId(campaignId, due), due, {
    campaignId,
    ...input,
  });
};

export const startCampaignWork = async (event: CampaignEvent, deps: PipelineDeps): Promise<string> => {
  const { workspaceId } = event;
  const { campaignId } = event.data;
  if (event.type === 'campaign.cancelled') {
    await deps.enqueueWork(perShard('sweep', workspaceId, campaignId));
    return 'sweeping';
  }
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (!campaign) return 'no such campaign';
  if (campaign.status !== 'sending') return `the campaign is ${campaign.status}`;
  const plan = wavePlan(campaign, await deps.defaultTimeZone(workspaceId));
  const now = deps.clock.now();
  const firstCheck = new Date(Math.max(now.getTime(), lastWaveAt(plan).getTime()) + deps.finishPoll.firstMs);

  if (event.type === 'campaign.resumed') {
    await deps.enqueueWork(perShard('dispatch', workspaceId, campaignId));
    await scheduleFinishCheck(workspaceId, campaignId, firstCheck, {}, deps);
    return 'dispatching the due waves';
  }

  await Promise.all(
    plan.waves
      .filter(({ at }) => at.getTime() > now.getTime())
      .map(({ wave, at }) =>
        deps.timers.set(workspaceId, 'campaign-wave', waveTimerId(campaignId, wave), at, {
          campaignId,
          wave,
        }),
      ),
  );
  await scheduleFinishCheck(workspaceId, campaignId, firstCheck, {}, deps);
  await deps.enqueueWork(perShard('snapshot', workspaceId, campaignId));
  return `snapshotting (${plan.waves.length} wave${plan.waves.length === 1 ? '' : 's'})`;
};
