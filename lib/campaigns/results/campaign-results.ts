/**
 * What a campaign achieved, as its results API shows it: its emails' outcomes, the links clicked,
 * the orders attributed to it with their revenue per currency, and its AWS cost estimate beside them.
 *
 * Where each figure comes from:
 * - `sent`: the campaign's chunks (`campaignTally`): recipients SES accepted.
 * - `opened`, `clicked`, `bounced`, `complained`, `unsubscribed`, the links: the campaign's origin
 *   counters (origin `campaign`, id = the campaign's), which the feedback loop adds to once per
 *   message (an email opened twice is one open; a link counts each email that clicked it once).
 * - `delivered`: SES's Delivery events of campaign email are not fed to the feedback loop (one per
 *   recipient, they would cost more than the rest of the sending: DESIGN-10), so it is derived:
 *   sent − bounced (permanent) − rejected after acceptance (SES's Reject and Rendering Failure events,
 *   counted as `failed` on the origin). Soft bounces are retried by SES and not taken off.
 * - Rates, as fractions (0.25 = 25 %), 0 when their base is 0: open, click, complaint and
 *   unsubscribe over delivered; bounce over sent; click-to-open is clicked over opened.
 */
import type { Counts, LinkClicks } from '../../email/history/counters.repository.ts';
import { minorToDecimal } from '../../shared/money.ts';
import type { AttributionSettings } from '../../workspaces/email-settings.schema.ts';
import type { Campaign, CampaignStatus } from '../campaign.schema.ts';
import type { CampaignTally } from '../send/progress.ts';
import type { CurrencyRevenue } from './conversions.repository.ts';
import { type CostEstimate, estimateCampaignCost } from './cost-estimate.ts';

export interface CampaignRates {
  readonly open: number;
  readonly click: number;
  readonly clickToOpen: number;
  readonly bounce: number;
  readonly complaint: number;
  readonly unsubscribe: number;
}

export interface RevenueLine {
  readonly currency: string;
  readonly conversions: number;
  /** The attributed orders' totals when placed, in the currency's minor unit (1999 = 19.99 EUR). */
  readonly revenue: number;
  /** What was refunded of them since, minor units. */
  readonly refunded: number;
  /** revenue − refunded, minor units. */
  readonly net: number;
  /** The three as exact decimal text ("19.99"). */
  readonly decimal: { readonly revenue: string; readonly refunded: string; readonly net: string };
}

const revenueLine = (r: CurrencyRevenue): RevenueLine => {
  const net = r.revenue - r.refunded;
  const text = (n: number) => minorToDecimal(n, r.currency);
  return {
    ...r,
    net,
    decimal: { revenue: text(r.revenue), refunded: text(r.refunded), net: text(net) },
  };
};

export interface CampaignResults {
  readonly campaignId: string;
  readonly status: CampaignStatus;
  readonly audience: number;
  readonly sent: number;
  readonly delivered: number;
  readonly opened: number;
  readonly clicked: number;
  readonly bounced: number;
  readonly softBounced: number;
  readonly complained: number;
  readonly unsubscribed: number;
  /** Accepted by SES, then rejected by it (or not rendered). */
  readonly rejected: number;
  readonly rates: CampaignRates;
  /** Emails that clicked each link (each email once per link), most clicked first. */
  readonly links: readonly LinkClicks[];
  readonly conversions: {
    /** The workspace's attribution settings now (each order was attributed under those of its time). */
    readonly attribution: AttributionSettings;
    /** Per currency, never summed across currencies. */
    readonly byCurrency: readonly RevenueLine[];
  };
  readonly cost: CostEstimate;
}

/** A fraction rounded to 4 decimals (0.1234 = 12.34 %), 0 over nothing. */
export const rate = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;

/** Feedback events the counters counted, for the cost estimate (one per counted outcome). */
const feedbackEvents = (counts: Counts, links: readonly LinkClicks[]): number =>
  (counts.opened ?? 0) +
  links.reduce((sum, l) => sum + l.clicked, 0) +
  (counts.bounced ?? 0) +
  (counts.softBounced ?? 0) +
  (counts.complained ?? 0) +
  (counts.failed ?? 0) +
  (counts.unsubscribed ?? 0);

export interface ResultsInput {
  readonly campaign: Campaign;
  readonly tally: CampaignTally;
  readonly counts: Counts;
  readonly links: readonly LinkClicks[];
  readonly revenue: readonly CurrencyRevenue[];
  readonly attribution: AttributionSettings;
}

/** The results; pure. */
export const resultsOf = (input: ResultsInput): CampaignResults => {
  const { campaign, tally, counts, links } = input;
  const sent = tally.sent;
  const bounced = counts.bounced ?? 0;
  const rejected = counts.failed ?? 0;
  const delivered = Math.max(0, sent - bounced - rejected);
  const opened = counts.opened ?? 0;
  const clicked = counts.clicked ?? 0;
  const complained = counts.complained ?? 0;
  const unsubscribed = counts.unsubscribed ?? 0;
  return {
    campaignId: campaign.id,
    status: campaign.status,
    audience: tally.audience,
    sent,
    delivered,
    opened,
    clicked,
    bounced,
    softBounced: counts.softBounced ?? 0,
    complained,
    unsubscribed,
    rejected,
    rates: {
      open: rate(opened, delivered),
      click: rate(clicked, delivered),
      clickToOpen: rate(clicked, opened),
      bounce: rate(bounced, sent),
      complaint: rate(complained, delivered),
      unsubscribe: rate(unsubscribed, delivered),
    },
    links,
    conversions: {
      attribution: input.attribution,
      byCurrency: input.revenue.map(revenueLine),
    },
    cost: estimateCampaignCost({
      audience: tally.audience,
      handled: tally.audience - tally.pending - tally.cancelled,
      sent,
      feedbackEvents: feedbackEvents(counts, links),
    }),
  };
};
