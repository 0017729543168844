/**
 * SES's 24-hour quota met while a campaign sends: the campaign pauses once (however many chunk jobs
 * meet the quota together) with the quota as its reason, and a recheck timer resumes it only when SES
 * has room for a chunk again; a campaign paused by hand meanwhile is left alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Campaign, newCampaignId } from '../../lib/campaigns/campaign.schema.ts';
import { pauseCampaign } from '../../lib/campaigns/campaign-lifecycle.ts';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import {
  DAILY_QUOTA,
  pauseForDailyQuota,
  resumeAfterDailyQuota,
} from '../../lib/campaigns/send/daily-quota.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { newId } from '../../lib/shared/ids.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let real: RealDeps;
beforeAll(() => {
  real = realDeps();
});

const sending = async () => {
  const ws = await newWorkspace(real);
  const clock = fixedClock('2026-11-30T10:00:00.000Z');
  const now = clock.now().toISOString();
  const campaign: Campaign = {
    type: 'campaign',
    v: 1,
    id: newCampaignId(new Date()),
    workspaceId: ws,
    name: 'Quota',
    status: 'sending',
    template: { templateId: 'news', version: 1 },
    audience: { segments: { include: [newId('sg')], exclude: [] } },
    startedAt: now,
    createdAt: now,
    updatedAt: now,
    rev: 1,
  };
  const campaigns = campaignsRepository(real.table);
  await campaigns.create(campaign);
  const timers: { id: string; due: Date }[] = [];
  const deps = {
    campaigns,
    clock,
    timers: {
      set: async (_ws: string, _task: string, id: string, due: Date) => {
        timers.push({ id, due });
        return 'set' as const;
      },
    },
  };
  return { ws, campaign, deps, timers, clock };
};

describe('the daily quota', () => {
  it('pauses the campaign once for every chunk job that meets it, and resumes it when SES has room again', async () => {
    const s = await sending();
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => pauseForDailyQuota(s.ws, s.campaign.id, s.deps)),
    );
    expect(outcomes.filter((o) => o === 'paused')).toHaveLength(1);
    const paused = await s.deps.campaigns.get(s.ws, s.campaign.id);
    expect(paused).toMatchObject({ status: 'paused', pausedReason: DAILY_QUOTA });
    // One recheck in an hour, on the minute (the jobs that met the quota together set the same one).
    expect(new Set(s.timers.map((t) => t.id)).size).toBe(1);
    expect(s.timers[0]?.due.toISOString()).toBe('2026-11-30T11:00:00.000Z');

    s.clock.set('2026-11-30T11:00:00.000Z');
    const full = { maxSendRate: 14, max24HourSend: 50_000, sentLast24Hours: 49_990 };
    expect(
      await resumeAfterDailyQuota(
        s.ws,
        { campaignId: s.campaign.id },
        { ...s.deps, readAccount: async () => full },
      ),
    ).toContain('still no room');
    expect((await s.deps.campaigns.get(s.ws, s.campaign.id))?.status).toBe('paused');
    expect(s.timers.at(-1)?.due.toISOString()).toBe('2026-11-30T12:00:00.000Z');

    const room = { ...full, sentLast24Hours: 30_000 };
    expect(
      await resumeAfterDailyQuota(
        s.ws,
        { campaignId: s.campaign.id },
        { ...s.deps, readAccount: async () => room },
      ),
    ).toContain('resumed');
    expect((await s.deps.campaigns.get(s.ws, s.campaign.id))?.status).toBe('sending');
  });

  it('leaves a campaign paused by hand alone', async () => {
    const s = await sending();
    await pauseCampaign(s.ws, s.campaign.id, s.deps);
    expect(await pauseForDailyQuota(s.ws, s.campaign.id, s.deps)).toBe('already');
    expect(s.timers).toHaveLength(0);
    const room = { maxSendRate: 14, max24HourSend: 50_000, sentLast24Hours: 0 };
    expect(
      await resumeAfterDailyQuota(
        s.ws,
        { campaignId: s.campaign.id },
        { ...s.deps, readAccount: async () => room },
      ),
    ).toContain('left alone');
    expect((await s.deps.campaigns.get(s.ws, s.campaign.id))?.status).toBe('paused');
  });
});
