/** A campaign's progress view, results maths, cost estimate and order attribution choice: pure. */
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../lib/campaigns/campaign.schema.ts';
import { attributedTouch, sentSpan, type TouchedMessage } from '../../lib/campaigns/results/attribution.ts';
import { progressOf } from '../../lib/campaigns/results/campaign-progress.ts';
import { rate, resultsOf } from '../../lib/campaigns/results/campaign-results.ts';
import { estimateCampaignCost, UNIT_MODEL } from '../../lib/campaigns/results/cost-estimate.ts';
import { type CampaignTally, emptyTally } from '../../lib/campaigns/send/progress.ts';
import { PRICES } from '../../lib/shared/aws-prices.ts';
import {
  type AttributionSettings,
  attributionSettingsSchema,
} from '../../lib/workspaces/email-settings.schema.ts';

const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  type: 'campaign',
  v: 1,
  id: 'cmp_00000000000000000001',
  workspaceId: 'ws_x',
  name: 'Winter sale',
  status: 'sending',
  template: { templateId: 'news', version: 1 },
  audience: { segments: { include: ['sg_1'], exclude: [] } },
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  rev: 1,
  ...over,
});

const tally = (over: Partial<CampaignTally> = {}): CampaignTally => ({ ...emptyTally(), ...over });
const DEFAULTS: AttributionSettings = attributionSettingsSchema.parse({});

describe('campaign progress', () => {
  it('names every outcome without storage letters, reasons most frequent first, settled = final outcomes', () => {
    const p = progressOf(
      campaign({ startedAt: '2026-11-30T09:00:00.000Z' }),
      tally({
        audience: 20,
        pending: 5,
        inFlight: 2,
        sent: 8,
        suppressed: 2,
        failed: 1,
        capped: 1,
        cancelled: 1,
        reasons: { 'no consent': 1, unsubscribed: 1, 'SES rejected': 1 },
      }),
    );
    expect(p).toEqual({
      campaignId: 'cmp_00000000000000000001',
      status: 'sending',
      audience: 20,
      queued: 5,
      inFlight: 2,
      sent: 8,
      suppressed: 2,
      failed: 1,
      capped: 1,
      cancelled: 1,
      settled: 13,
      reasons: [
        { reason: 'SES rejected', recipients: 1 },
        { reason: 'no consent', recipients: 1 },
        { reason: 'unsubscribed', recipients: 1 },
      ],
      startedAt: '2026-11-30T09:00:00.000Z',
    });
    expect(p.settled + p.queued + p.inFlight).toBe(p.audience);
  });
});

describe('campaign results', () => {
  const input = {
    campaign: campaign({ status: 'sent' }),
    tally: tally({ audience: 1000, sent: 900, suppressed: 80, failed: 20 }),
    counts: {
      opened: 225,
      clicked: 27,
      bounced: 9,
      softBounced: 3,
      complained: 1,
      failed: 1,
      unsubscribed: 4,
    },
    links: [
      { link: 'https://shop.example/sale', clicked: 20 },
      { link: 'https://shop.example/', clicked: 10 },
    ],
    revenue: [
      { currency: 'EUR', conversions: 3, revenue: 12_990, refunded: 2_500 },
      { currency: 'JPY', conversions: 1, revenue: 5000, refunded: 0 },
    ],
    attribution: DEFAULTS,
  };

  it('derives delivered as sent − bounced − rejected (campaign Delivery events are not collected)', () => {
    const r = resultsOf(input);
    expect(r.sent).toBe(900);
    expect(r.delivered).toBe(900 - 9 - 1);
    expect(r.softBounced).toBe(3);
  });

  it('computes rates over delivered (bounce over sent), 4 decimals, and 0 over nothing', () => {
    const { rates } = resultsOf(input);
    expect(rates).toEqual({
      open: rate(225, 890),
      click: rate(27, 890),
      clickToOpen: 0.12,
      bounce: 0.01,
      complaint: rate(1, 890),
      unsubscribe: rate(4, 890),
    });
    expect(rates.open).toBe(0.2528);
    expect(rate(3, 0)).toBe(0);
    const none = resultsOf({ ...input, tally: emptyTally(), counts: {}, links: [], revenue: [] });
    expect(none.delivered).toBe(0);
    expect(Object.values(none.rates).every((x) => x === 0)).toBe(true);
  });

  it('never lets delivered go below zero when feedback outran the tally', () => {
    expect(resultsOf({ ...input, tally: tally({ sent: 2 }), counts: { bounced: 3 } }).delivered).toBe(0);
  });

  it('keeps revenue and refunds per currency, in minor units and exact decimal text, never summed across currencies', () => {
    expect(resultsOf(input).conversions.byCurrency).toEqual([
      {
        currency: 'EUR',
        conversions: 3,
        revenue: 12_990,
        refunded: 2_500,
        net: 10_490,
        decimal: { revenue: '129.90', refunded: '25.00', net: '104.90' },
      },
      {
        currency: 'JPY',
        conversions: 1,
        revenue: 5000,
        refunded: 0,
        net: 5000,
        decimal: { revenue: '5000', refunded: '0', net: '5000' },
      },
    ]);
  });

  it('estimates the cost from chunks, recipients handled, emails sent and feedback counted (clicks per link)', () => {
    const { cost } = resultsOf(input);
    expect(cost.basis).toEqual({
      chunks: 20,
      sesCalls: 20,
      recipientsHandled: 1000,
      sent: 900,
      feedbackEvents: 225 + 30 + 9 + 3 + 1 + 1 + 4,
    });
    expect(cost.ses).toBeCloseTo(0.09, 6);
  });
});

describe('campaign cost estimate', () => {
  it('prices the documented unit model at list prices, labelled an estimate in USD', () => {
    const c = estimateCampaignCost({ audience: 50, handled: 50, sent: 50, feedbackEvents: 0 });
    expect(c.estimate).toBe(true);
    expect(c.currency).toBe('USD');
    const m = UNIT_MODEL;
    const dynamodb =
      m.perChunk.writeUnits * PRICES.writeUnit +
      (m.perChunk.readUnits + 50 * m.perRecipientHandled.readUnits) * PRICES.readUnit;
    expect(c.breakdown.dynamodb).toBeCloseTo(dynamodb, 6);
    expect(c.ses).toBeCloseTo(50 * PRICES.sesEmail, 6);
    expect(c.total).toBeCloseTo(c.infrastructure + c.ses, 6);
  });

  it('scales with a 1M campaign: one chunk per 50 recipients, feedback at 25 % open / 3 % click / 1 % bounce', () => {
    const c = estimateCampaignCost({ audience: 1e6, handled: 1e6, sent: 1e6, feedbackEvents: 290_000 });
    expect(c.basis.chunks).toBe(20_000);
    expect(c.ses).toBeCloseTo(100, 6);
    // Within a few cents of what the bench measured on the local stack ($0.76, README Benchmarks).
    expect(c.infrastructure).toBeGreaterThan(0.7);
    expect(c.infrastructure).toBeLessThan(0.8);
  });

  it('costs nothing for a campaign that never launched', () => {
    const c = estimateCampaignCost({ audience: 0, handled: 0, sent: 0, feedbackEvents: 0 });
    expect(c.total).toBe(0);
  });
});

describe('order attribution to a campaign', () => {
  const placed = new Date('2026-12-10T12:00:00.000Z');
  const msg = (campaignId: string, opened?: string, clicked?: string): TouchedMessage => ({
    campaignId,
    messageId: `m_${campaignId}`,
    opened,
    clicked,
  });
  const day = (d: number, h = 12) =>
    `2026-12-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

  it('last touch (default): the campaign opened or clicked last before the order, within the window', () => {
    const t = attributedTouch([msg('cmp_a', day(6)), msg('cmp_b', day(8), day(9))], placed, DEFAULTS);
    expect(t).toEqual({ campaignId: 'cmp_b', messageId: 'm_cmp_b', kind: 'clicked', at: day(9) });
  });

  it('first touch: the campaign touched first inside the window', () => {
    const first = { ...DEFAULTS, model: 'firstTouch' as const };
    expect(
      attributedTouch([msg('cmp_a', day(6)), msg('cmp_b', day(8), day(9))], placed, first)?.campaignId,
    ).toBe('cmp_a');
  });

  it('ignores touches outside the window, and after the order', () => {
    const old = msg('cmp_old', day(5, 11)); // 5 days and 1 hour before: outside the default 5 days
    const late = msg('cmp_late', day(10, 13));
    expect(attributedTouch([old, late], placed, DEFAULTS)).toBeUndefined();
    expect(attributedTouch([msg('cmp_edge', day(5, 12))], placed, DEFAULTS)?.campaignId).toBe('cmp_edge');
    expect(attributedTouch([old], placed, { ...DEFAULTS, windowDays: 6 })?.campaignId).toBe('cmp_old');
  });

  it('clicks only: an open is no touch', () => {
    const clickOnly = { ...DEFAULTS, touches: 'click' as const };
    expect(attributedTouch([msg('cmp_a', day(9))], placed, clickOnly)).toBeUndefined();
    expect(
      attributedTouch([msg('cmp_a', day(9)), msg('cmp_b', day(7), day(8))], placed, clickOnly)?.campaignId,
    ).toBe('cmp_b');
  });

  it('a click wins over an open at the same instant; ties are broken the same way every time', () => {
    const t = attributedTouch([msg('cmp_a', day(9)), msg('cmp_b', undefined, day(9))], placed, DEFAULTS);
    expect(t?.campaignId).toBe('cmp_b');
    const again = attributedTouch([msg('cmp_b', undefined, day(9)), msg('cmp_a', day(9))], placed, DEFAULTS);
    expect(again).toEqual(t);
  });

  it('reads emails sent from the window start minus 30 days up to the order', () => {
    expect(sentSpan(placed, DEFAULTS)).toEqual({
      from: '2026-11-05T12:00:00.000Z',
      until: placed.toISOString(),
    });
  });

  it('validates the settings: window 1-30 days, a known model and touch', () => {
    expect(DEFAULTS).toEqual({ windowDays: 5, model: 'lastTouch', touches: 'clickOrOpen' });
    for (const bad of [
      { windowDays: 0 },
      { windowDays: 31 },
      { windowDays: 2.5 },
      { model: 'linear' },
      { touches: 'any' },
      { extra: 1 },
    ])
      expect(attributionSettingsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
