/**
 * The campaign send pipeline's steps over DynamoDB Local with a clock the test moves: a "9:00 in each
 * recipient's own zone" campaign gets one wave per instant (UTC+14, UTC−11, half- and quarter-hour
 * zones, a zone changing to summer time that very day, contacts without a zone), each wave's timer at
 * the right UTC instant; the snapshot queues only the chunks of waves already due, a wave's timer only
 * its own; the finish check ends the campaign only when every shard is written and every recipient final.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Campaign, newCampaignId } from '../../lib/campaigns/campaign.schema.ts';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { checkFinish } from '../../lib/campaigns/send/finish-check.ts';
import { DEFAULT_FINISH_POLL, type PipelineDeps } from '../../lib/campaigns/send/pipeline-deps.ts';
import { runCampaignWork } from '../../lib/campaigns/send/run-work.ts';
import type { ChunkJob } from '../../lib/campaigns/send/send-chunk.ts';
import { snapshotShardsRepository } from '../../lib/campaigns/send/snapshot-shards.repository.ts';
import { startCampaignWork } from '../../lib/campaigns/send/start-send.ts';
import type { CampaignWork } from '../../lib/campaigns/send/work.schema.ts';
import { waveInstant } from '../../lib/campaigns/send-time.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { newId } from '../../lib/shared/ids.ts';
import { seedAudience } from '../support/seed-audience.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let real: RealDeps;
beforeAll(() => {
  real = realDeps();
});

const ZONES = [
  'Pacific/Kiritimati', // UTC+14: 9:00 on 8 March is 7 March 19:00 UTC
  'Pacific/Pago_Pago', // UTC−11: 20:00 UTC
  'Asia/Kolkata', // UTC+5:30: 03:30 UTC
  'Asia/Kathmandu', // UTC+5:45: 03:15 UTC
  'America/New_York', // summer time from 2:00 that day: 9:00 EDT is 13:00 UTC, not 14:00
  undefined, // the workspace's default zone, UTC: 09:00 UTC
] as const;
const EXPECTED_UTC = [
  '2026-03-07T19:00:00.000Z',
  '2026-03-08T20:00:00.000Z',
  '2026-03-08T03:30:00.000Z',
  '2026-03-08T03:15:00.000Z',
  '2026-03-08T13:00:00.000Z',
  '2026-03-08T09:00:00.000Z',
];
const SCHEDULE = { type: 'recipientLocal', date: '2026-03-08', time: '09:00' } as const;

const setUp = async () => {
  const ws = await newWorkspace(real);
  const clock = fixedClock('2026-03-07T19:00:30.000Z');
  const segmentId = newId('sg');
  const contacts = await seedAudience(real.table, ws, segmentId, 240, {
    zoneOf: (n) => ZONES[n % ZONES.length],
  });
  const now = clock.now().toISOString();
  const campaign: Campaign = {
    type: 'campaign',
    v: 1,
    id: newCampaignId(new Date()),
    workspaceId: ws,
    name: 'Local nine',
    status: 'sending',
    template: { templateId: 'news', version: 1 },
    audience: { segments: { include: [segmentId], exclude: [] } },
    schedule: SCHEDULE,
    sendAt: EXPECTED_UTC[0],
    startedAt: now,
    createdAt: now,
    updatedAt: now,
    rev: 1,
  };
  const campaigns = campaignsRepository(real.table);
  await campaigns.create(campaign);
  const timers: { id: string; due: Date; task: string; input: unknown }[] = [];
  const work: CampaignWork[] = [];
  const jobs: ChunkJob[] = [];
  const deps: PipelineDeps = {
    campaigns,
    chunks: chunksRepository(real.table),
    shards: snapshotShardsRepository(real.table),
    segments: segmentsRepository(real.table),
    contacts: real.contacts,
    timeline: real.timeline,
    defaultTimeZone: async () => 'UTC',
    timers: {
      set: async (_ws, task, id, due, input) => {
        timers.push({ id, due, task, input });
        return 'set';
      },
      cancel: async () => 'none',
    },
    clock,
    enqueueWork: async (w) => {
      work.push(...w);
    },
    enqueueChunks: async (j) => {
      jobs.push(...j);
    },
    finishPoll: DEFAULT_FINISH_POLL,
  };
  return { ws, campaign, contacts, deps, clock, timers, work, jobs };
};

const launched = (ws: string, campaignId: string) => ({
  id: newId('ev'),
  version: 1,
  workspaceId: ws,
  occurredAt: new Date().toISOString(),
  type: 'campaign.launched' as const,
  data: { campaignId, by: 'schedule' as const, startedAt: new Date().toISOString() },
});

describe('a campaign at 9:00 in each recipient’s own zone', () => {
  it('sends each zone at its own 9:00 across a summer-time change: a timer per wave ahead, the due wave queued as the snapshot writes it, a wave’s timer queuing only its chunks', async () => {
    const s = await setUp();
    await startCampaignWork(launched(s.ws, s.campaign.id), s.deps);
    const waveTimers = s.timers.filter((t) => t.task === 'campaign-wave');
    const dues = new Set(waveTimers.map((t) => t.due.toISOString()));
    // Every instant but the due one (Kiritimati) has its timer; the finish check comes after the last.
    for (const at of EXPECTED_UTC.slice(1)) expect(dues.has(at), at).toBe(true);
    expect(dues.has(EXPECTED_UTC[0] ?? '')).toBe(false);
    const finish = s.timers.find((t) => t.task === 'campaign-finish');
    expect(finish?.due.getTime()).toBeGreaterThan(Date.parse(EXPECTED_UTC[1] ?? ''));
    expect(s.work.filter((w) => w.work === 'snapshot')).toHaveLength(16);

    for (const w of s.work.splice(0)) await runCampaignWork(w, s.deps, { outOfTime: () => false });
    // Each recipient's wave is the instant of 9:00 in its zone.
    const zoneOf = new Map(s.contacts.map((c, n) => [c.id, n % ZONES.length]));
    let chunksRead = 0;
    const kiritimatiChunks = new Set<string>();
    for (let shard = 0; shard < 16; shard++)
      for await (const chunk of s.deps.chunks.list(s.ws, s.campaign.id, shard)) {
        chunksRead++;
        chunk.contacts.forEach((id, i) => {
          const z = zoneOf.get(id) ?? -1;
          expect(waveInstant(SCHEDULE, chunk.waves[i] ?? -1).toISOString(), String(ZONES[z])).toBe(
            EXPECTED_UTC[z],
          );
          if (z === 0) kiritimatiChunks.add(`${shard}-${chunk.page}`);
        });
      }
    expect(chunksRead).toBeGreaterThan(0);
    // Only Kiritimati's wave was due: only its chunks were queued, each once.
    expect(new Set(s.jobs.map((j) => `${j.shard}-${j.page}`))).toEqual(kiritimatiChunks);
    expect(s.jobs).toHaveLength(kiritimatiChunks.size);

    // New York's timer fires at 13:00 UTC: its chunks, in its wave, and nothing else.
    const ny = waveTimers.find((t) => t.due.toISOString() === EXPECTED_UTC[4]);
    const nyInput = ny?.input;
    if (!nyInput || typeof nyInput !== 'object' || !('wave' in nyInput) || typeof nyInput.wave !== 'number')
      throw new Error('no New York wave timer');
    s.clock.set(EXPECTED_UTC[4] ?? '');
    s.jobs.splice(0);
    for (let shard = 0; shard < 16; shard++)
      await runCampaignWork(
        { work: 'dispatch', workspaceId: s.ws, campaignId: s.campaign.id, shard, wave: nyInput.wave },
        s.deps,
        { outOfTime: () => false },
      );
    expect(s.jobs.length).toBeGreaterThan(0);
    for (const job of s.jobs) expect(job.wave).toBe(nyInput.wave);
  });

  it('finishes only when every shard is written and every recipient final, and checks again until then', async () => {
    const s = await setUp();
    const input = { campaignId: s.campaign.id };
    expect(await checkFinish(s.ws, input, s.deps)).toContain('pending');
    expect((await s.deps.campaigns.get(s.ws, s.campaign.id))?.status).toBe('sending');
    for (const w of Array.from({ length: 16 }, (_, shard) => ({
      work: 'snapshot' as const,
      workspaceId: s.ws,
      campaignId: s.campaign.id,
      shard,
    })))
      await runCampaignWork(w, s.deps, { outOfTime: () => false });
    // Every recipient settled (as the send function would): refused, so that nothing is sent here.
    for (let shard = 0; shard < 16; shard++)
      for await (const chunk of s.deps.chunks.list(s.ws, s.campaign.id, shard))
        await s.deps.chunks.cancelPending(
          { workspaceId: s.ws, campaignId: s.campaign.id, shard, page: chunk.page },
          chunk,
        );
    s.timers.splice(0);
    expect(await checkFinish(s.ws, input, s.deps)).toMatch(/^sent/);
    expect((await s.deps.campaigns.get(s.ws, s.campaign.id))?.status).toBe('sent');
    expect(s.timers).toHaveLength(0);
  });
});
