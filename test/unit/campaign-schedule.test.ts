import { describe, expect, it } from 'vitest';
import {
  campaignAudienceSchema,
  campaignIdSchema,
  campaignScheduleSchema,
  createCampaignBody,
  newCampaignId,
  scheduleCampaignBody,
} from '../../lib/campaigns/campaign.schema.ts';
import { scheduleInstant } from '../../lib/campaigns/schedule-instant.ts';
import { instantInZone as wallClockToInstant } from '../../lib/campaigns/send-time.ts';

const iso = (d: Date) => d.toISOString();

describe('campaign send instant', () => {
  it('turns a wall-clock time in a zone into its UTC instant', () => {
    expect(iso(wallClockToInstant('2026-12-01', '09:00', 'Europe/Paris'))).toBe('2026-12-01T08:00:00.000Z');
    expect(iso(wallClockToInstant('2026-07-01', '09:00', 'Europe/Paris'))).toBe('2026-07-01T07:00:00.000Z');
    expect(iso(wallClockToInstant('2026-12-01', '09:00', 'Asia/Kolkata'))).toBe('2026-12-01T03:30:00.000Z');
    expect(iso(wallClockToInstant('2026-12-01', '09:00', 'Pacific/Pago_Pago'))).toBe(
      '2026-12-01T20:00:00.000Z',
    );
    expect(iso(wallClockToInstant('2026-12-01', '00:00', 'UTC'))).toBe('2026-12-01T00:00:00.000Z');
  });

  it('moves a time in a spring-forward gap forward by the gap, and takes the earlier of a fall-back overlap', () => {
    // New York: 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    expect(iso(wallClockToInstant('2026-03-08', '02:30', 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(iso(wallClockToInstant('2026-11-01', '01:30', 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    // Lord Howe shifts by half an hour: 2026-10-04 02:00 → 02:30 (UTC+10:30 → +11).
    expect(iso(wallClockToInstant('2026-10-04', '02:15', 'Australia/Lord_Howe'))).toBe(
      '2026-10-03T15:45:00.000Z',
    );
  });

  it('a recipient-local schedule starts when UTC+14 reaches the time', () => {
    expect(iso(scheduleInstant({ type: 'recipientLocal', date: '2026-12-01', time: '09:00' }))).toBe(
      '2026-11-30T19:00:00.000Z',
    );
    expect(
      iso(scheduleInstant({ type: 'at', at: '2026-12-01T09:00', timeZone: 'America/Los_Angeles' })),
    ).toBe('2026-12-01T17:00:00.000Z');
  });
});

describe('campaign schemas', () => {
  it('makes ids of cmp_ and 20 base32 characters, ordered by time', () => {
    const a = newCampaignId(new Date('2026-01-01T00:00:00Z'));
    const b = newCampaignId(new Date('2026-01-01T00:00:01Z'));
    expect(campaignIdSchema.safeParse(a).success).toBe(true);
    expect(a < b).toBe(true);
  });

  it('refuses an unknown zone, an impossible date and a malformed time, naming the field', () => {
    const zone = campaignScheduleSchema.safeParse({
      type: 'at',
      at: '2026-12-01T09:00',
      timeZone: 'Mars/Olympus',
    });
    expect(zone.error?.issues[0]?.path).toEqual(['timeZone']);
    const date = campaignScheduleSchema.safeParse({ type: 'at', at: '2026-02-30T09:00', timeZone: 'UTC' });
    expect(date.error?.issues[0]?.path).toEqual(['at']);
    const time = campaignScheduleSchema.safeParse({
      type: 'recipientLocal',
      date: '2026-12-01',
      time: '9:00',
    });
    expect(time.error?.issues[0]?.path).toEqual(['time']);
  });

  it('the schedule body names a missing or a stray field by itself', () => {
    const paths = (body: unknown) =>
      scheduleCampaignBody.safeParse(body).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ type: 'at', at: '2026-12-01T09:00' })).toEqual(['timeZone']);
    expect(paths({ type: 'recipientLocal', date: '2026-12-01', time: '09:00', timeZone: 'UTC' })).toEqual([
      'timeZone',
    ]);
    expect(paths({ at: 12345 })).toEqual(expect.arrayContaining(['type', 'at']));
    expect(scheduleCampaignBody.parse({ type: 'recipientLocal', date: '2026-12-01', time: '09:00' })).toEqual(
      {
        type: 'recipientLocal',
        date: '2026-12-01',
        time: '09:00',
      },
    );
  });

  it('an audience includes 1 to 10 segments, excludes up to 10, never one in both', () => {
    const sg = (n: number) => `sg_${String(n).padStart(26, '0')}`;
    expect(campaignAudienceSchema.safeParse({ segments: { include: [] } }).success).toBe(false);
    expect(
      campaignAudienceSchema.safeParse({ segments: { include: Array.from({ length: 11 }, (_, i) => sg(i)) } })
        .success,
    ).toBe(false);
    expect(
      campaignAudienceSchema.safeParse({ segments: { include: [sg(1)], exclude: [sg(1)] } }).success,
    ).toBe(false);
    expect(campaignAudienceSchema.parse({ segments: { include: [sg(1)] } })).toEqual({
      segments: { include: [sg(1)], exclude: [] },
    });
    expect(
      campaignAudienceSchema.safeParse({ condition: { type: 'tag', op: 'has', value: 'vip' } }).success,
    ).toBe(true);
  });

  it('UTM values are 1-100 URL-safe characters', () => {
    const body = (campaign: string) => ({
      name: 'x',
      template: { templateId: 'news' },
      audience: { condition: { type: 'tag', op: 'has', value: 'vip' } },
      utm: { source: 'ecrm', medium: 'email', campaign },
    });
    expect(createCampaignBody.safeParse(body('spring-sale_2026')).success).toBe(true);
    expect(createCampaignBody.safeParse(body('spring sale')).error?.issues[0]?.path).toEqual([
      'utm',
      'campaign',
    ]);
    expect(createCampaignBody.safeParse(body('x'.repeat(101))).success).toBe(false);
  });
});
