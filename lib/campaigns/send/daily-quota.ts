/**
 * SES's 24-hour quota reached while a campaign sends: the campaign pauses (reason DAILY_QUOTA, the
 * chunk's recipients released, pending) and a timer looks again every QUOTA_RECHECK_MS. SES's quota is
 * a rolling window (capacity comes back as the sends of 24 hours ago age out), so the timer asks SES
 * (GetAccount) and resumes the campaign once a chunk's worth is free, typically the next day. A
 * campaign paused by hand meanwhile, or cancelled, is left alone.
 */

import type { AccountQuota } from '../../email/send/send-limits.ts';
import { ConflictError } from '../../shared/errors.ts';
import type { Timers } from '../../timers/timers.ts';
import { pauseCampaign, resumeCampaign } from '../campaign-lifecycle.ts';
import { isLostRace } from '../campaign-writes.ts';
import type { CampaignStateDeps } from '../deps.ts';
import { CHUNK_SIZE } from './chunk.schema.ts';
import { quotaResumeTimerId } from './timer-ids.ts';

export const DAILY_QUOTA = "the account's 24-hour sending quota is reached";
export const QUOTA_RECHECK_MS = 60 * 60_000;

export interface QuotaDeps extends CampaignStateDeps {
  readonly timers: Pick<Timers, 'set'>;
}

const armRecheck = (workspaceId: string, campaignId: string, deps: QuotaDeps) => {
  // On a whole minute: the chunk jobs that meet the quota together set one timer.
  const due = new Date(Math.ceil((deps.clock.now().getTime() + QUOTA_RECHECK_MS) / 60_000) * 60_000);
  return deps.timers.set(workspaceId, 'campaign-quota-resume', quotaResumeTimerId(campaignId, due), due, {
    campaignId,
  });
};

/** A chunk job met the daily quota: pause the campaign (once, whoever else met it) and set the recheck. */
export const pauseForDailyQuota = async (
  workspaceId: string,
  campaignId: string,
  deps: QuotaDeps,
): Promise<'paused' | 'already'> => {
  let outcome: 'paused' | 'already' = 'paused';
  try {
    await pauseCampaign(workspaceId, campaignId, deps, DAILY_QUOTA);
  } catch (error) {
    if (!(error instanceof ConflictError) && !isLostRace(error)) throw error;
    outcome = 'already';
  }
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (campaign?.status === 'paused' && campaign.pausedReason === DAILY_QUOTA)
    await armRecheck(workspaceId, campaignId, deps);
  return outcome;
};

/** The recheck timer: resume when SES has room for a chunk again, else look again later. */
export const resumeAfterDailyQuota = async (
  workspaceId: string,
  input: { readonly campaignId: string },
  deps: QuotaDeps & { readonly readAccount: () => Promise<AccountQuota> },
): Promise<string> => {
  const campaign = await deps.campaigns.get(workspaceId, input.campaignId);
  if (campaign?.status !== 'paused' || campaign.pausedReason !== DAILY_QUOTA)
    return `left alone: the campaign is ${campaign?.status ?? 'gone'}`;
  const quota = await deps.readAccount();
  const room = quota.max24HourSend < 0 ? Infinity : quota.max24HourSend - quota.sentLast24Hours;
  if (room < CHUNK_SIZE) {
    await armRecheck(workspaceId, input.campaignId, deps);
    return `still no room (${room} left in 24 hours)`;
  }
  await resumeCampaign(workspaceId, input.campaignId, deps);
  return `resumed (${room} left in 24 hours)`;
};
