/**
 * Moving a campaign along its states (see `campaign-transitions.ts`): schedule and reschedule,
 * unschedule, start now, pause, resume, cancel, and the launch at the scheduled time.
 *
 * Scheduling and the timer: each scheduled time has its own `campaign-launch` timer, named after the
 * campaign and the instant (`<campaignId>@<sendAt>`). The timer is set before the campaign is written
 * and the old one cancelled after, so a crash at any point leaves at worst a stale timer, never a
 * scheduled campaign without one; a stale timer is harmless, because the launch moves the campaign
 * only if it is still scheduled for that very instant.
 */
import { ValidationError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { assertAbSchedule, pinVariants } from './ab-test.ts';
import type { Campaign, CampaignSchedule } from './campaign.schema.ts';
import { checkReferences } from './campaign-references.ts';
import { nextStatus } from './campaign-transitions.ts';
import {
  type CampaignOutcome,
  changeCampaign,
  idempotentRequest,
  isLostRace,
  without,
} from './campaign-writes.ts';
import type { CampaignDeps, CampaignStateDeps } from './deps.ts';
import { scheduleInstant } from './schedule-instant.ts';

export const LAUNCH_TASK = 'campaign-launch';

/** The launch timer's id: one per campaign and instant. */
export const launchTimerId = (campaignId: string, sendAt: string): string => `${campaignId}@${sendAt}`;

/** The reason given to a campaign paused by hand. */
export const PAUSED_BY_HAND = 'paused by hand';

/** Cancel the launch timer a change made stale. Best effort: a stale timer finds nothing to launch. */
const dropTimer = async (before: Campaign | undefined, after: Campaign, deps: CampaignDeps) => {
  if (!before?.sendAt || before.status !== 'scheduled') return;
  if (after.status === 'scheduled' && after.sendAt === before.sendAt) return;
  try {
    await deps.timers.cancel(before.workspaceId, LAUNCH_TASK, launchTimerId(before.id, before.sendAt));
  } catch {
    // Left pending, it fires, finds the campaign not scheduled for its instant, and does nothing.
  }
};

/** The campaign with its references checked again and its template versions pinned (its A/B variants' too). */
const pinned = async (campaign: Campaign, deps: CampaignDeps): Promise<Campaign> => {
  const { version, variantVersions } = await checkReferences(campaign.workspaceId, campaign, deps.references);
  return {
    ...campaign,
    template: { ...campaign.template, version },
    ...(campaign.abTest ? { abTest: pinVariants(campaign.abTest, variantVersions) } : {}),
  };
};

/** Schedule a draft, or reschedule a scheduled campaign; `sendAt` must be in the future. */
export const scheduleCampaign = async (
  workspaceId: string,
  campaignId: string,
  schedule: CampaignSchedule,
  deps: CampaignDeps,
): Promise<Campaign> => {
  const sendAt = scheduleInstant(schedule);
  const now = deps.clock.now();
  if (sendAt.getTime() <= now.getTime())
    throw new ValidationError(
      `the scheduled time ${sendAt.toISOString()} has passed; start the campaign now instead`,
      [
        {
          path: schedule.type === 'at' ? 'at' : 'date',
          message: `is in the past (${sendAt.toISOString()} UTC${schedule.type === 'recipientLocal' ? ' in the earliest time zone, UTC+14' : ''})`,
        },
      ],
    );
  const sendAtIso = sendAt.toISOString();
  const { campaign, before } = await changeCampaign(
    workspaceId,
    campaignId,
    async (current) => {
      const status = nextStatus('schedule', current.status);
      assertAbSchedule(current.abTest, schedule, 'type');
      const next = { ...(await pinned(current, deps)), status, schedule, sendAt: sendAtIso };
      // Timer first: if the write below fails or never happens, the timer finds nothing to launch.
      await deps.timers.set(workspaceId, LAUNCH_TASK, launchTimerId(campaignId, sendAtIso), sendAt, {
        campaignId,
        sendAt: sendAtIso,
      });
      return { next };
    },
    deps,
  );
  await dropTimer(before, campaign, deps);
  return campaign;
};

/** Back to draft: the schedule and its timer go. */
export const unscheduleCampaign = async (
  workspaceId: string,
  campaignId: string,
  deps: CampaignDeps,
): Promise<Campaign> => {
  const { campaign, before } = await changeCampaign(
    workspaceId,
    campaignId,
    (current) => ({
      next: { ...without(current, 'schedule', 'sendAt'), status: nextStatus('unschedule', current.status) },
    }),
    deps,
  );
  await dropTimer(before, campaign, deps);
  return campaign;
};

/**
 * Start sending now (a draft, or a scheduled campaign ahead of its time): `campaign.launched` goes
 * out with the write. With an `Idempotency-Key`, the same start from two clients starts once and both
 * get the sending campaign.
 */
export const startCampaign = async (
  workspaceId: string,
  campaignId: string,
  idempotencyKey: string | undefined,
  deps: CampaignDeps,
): Promise<CampaignOutcome> => {
  const request = idempotentRequest(workspaceId, idempotencyKey, 'startCampaign', campaignId);
  const outcome = await changeCampaign(
    workspaceId,
    campaignId,
    async (current, now) => {
      const status = nextStatus('start', current.status);
      const startedAt = now.toISOString();
      return {
        next: { ...without(await pinned(current, deps), 'schedule', 'sendAt'), status, startedAt },
        event: domainEvent(
          'campaign.launched',
          workspaceId,
          { campaignId, by: 'api', startedAt },
          deps.clock,
        ),
      };
    },
    deps,
    request,
  );
  await dropTimer(outcome.before, outcome.campaign, deps);
  return outcome;
};

/** Pause a sending campaign (by hand, or by the send pipeline with its own reason). */
export const pauseCampaign = async (
  workspaceId: string,
  campaignId: string,
  deps: CampaignStateDeps,
  reason = PAUSED_BY_HAND,
): Promise<Campaign> =>
  (
    await changeCampaign(
      workspaceId,
      campaignId,
      (current) => ({
        next: { ...current, status: nextStatus('pause', current.status), pausedReason: reason },
        event: domainEvent('campaign.paused', workspaceId, { campaignId, reason }, deps.clock),
      }),
      deps,
    )
  ).campaign;

/** Resume a paused campaign where it stopped. */
export const resumeCampaign = async (
  workspaceId: string,
  campaignId: string,
  deps: CampaignStateDeps,
): Promise<Campaign> =>
  (
    await changeCampaign(
      workspaceId,
      campaignId,
      (current) => ({
        next: { ...without(current, 'pausedReason'), status: nextStatus('resume', current.status) },
        event: domainEvent('campaign.resumed', workspaceId, { campaignId }, deps.clock),
      }),
      deps,
    )
  ).campaign;

/** Cancel a scheduled, sending or paused campaign; nothing more is sent. */
export const cancelCampaign = async (
  workspaceId: string,
  campaignId: string,
  deps: CampaignDeps,
): Promise<Campaign> => {
  const { campaign, before } = await changeCampaign(
    workspaceId,
    campaignId,
    (current, now) => {
      const status = nextStatus('cancel', current.status);
      const from = current.status;
      if (from !== 'scheduled' && from !== 'sending' && from !== 'paused') throw new Error('unreachable');
      return {
        next: { ...current, status, finishedAt: now.toISOString() },
        event: domainEvent('campaign.cancelled', workspaceId, { campaignId, from }, deps.clock),
      };
    },
    deps,
  );
  await dropTimer(before, campaign, deps);
  return campaign;
};

/** The send pipeline's end: every recipient has a final state (no event: the pipeline publishes its results). */
export const finishCampaign = async (
  workspaceId: string,
  campaignId: string,
  deps: CampaignStateDeps,
): Promise<Campaign> =>
  (
    await changeCampaign(
      workspaceId,
      campaignId,
      (current, now) => ({
        next: { ...current, status: nextStatus('finish', current.status), finishedAt: now.toISOString() },
      }),
      deps,
    )
  ).campaign;

/** The send pipeline cannot go on (e.g. its template or audience is gone): sending → failed, with why. */
export const failCampaign = async (
  workspaceId: string,
  campaignId: string,
  reason: string,
  deps: CampaignStateDeps,
): Promise<Campaign> =>
  (
    await changeCampaign(
      workspaceId,
      campaignId,
      (current, now) => ({
        next: {
          ...current,
          status: nextStatus('fail', current.status),
          failedReason: reason,
          finishedAt: now.toISOString(),
        },
      }),
      deps,
    )
  ).campaign;

const LAUNCH_ATTEMPTS = 4;

/**
 * The `campaign-launch` timer fired: scheduled → sending, with `campaign.launched`, only if the
 * campaign is still scheduled for `sendAt`. A duplicate delivery, or the timer of a time the campaign
 * was rescheduled from, unscheduled or started ahead of, changes nothing.
 */
export const launchScheduledCampaign = async (
  workspaceId: string,
  input: { readonly campaignId: string; readonly sendAt: string },
  deps: CampaignStateDeps,
): Promise<string> => {
  for (let attempt = 0; attempt < LAUNCH_ATTEMPTS; attempt++) {
    const current = await deps.campaigns.get(workspaceId, input.campaignId);
    if (!current) return `campaign ${input.campaignId} is gone`;
    if (current.status !== 'scheduled' || current.sendAt !== input.sendAt)
      return `not launched: the campaign is ${current.status}${current.sendAt ? ` for ${current.sendAt}` : ''}`;
    const now = deps.clock.now();
    const startedAt = now.toISOString();
    const next: Campaign = {
      ...current,
      status: nextStatus('launch', current.status),
      startedAt,
      updatedAt: startedAt,
      rev: current.rev + 1,
    };
    const event = domainEvent(
      'campaign.launched',
      workspaceId,
      { campaignId: current.id, by: 'schedule', startedAt, sendAt: input.sendAt },
      deps.clock,
    );
    try {
      await deps.campaigns.replace(next, { status: current.status, rev: current.rev }, event);
      return `launched ${current.id}`;
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }
  // Thrown, the timer message is redelivered and the launch decided again on fresh data.
  throw new Error(`campaign ${input.campaignId} kept changing while it was being launched`);
};
