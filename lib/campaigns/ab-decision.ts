/**
 * The maths of an A/B test, pure: each variant's figures in its test wave and its rates, and the
 * winner by the test's metric.
 *
 * - Sent: recipients of the test wave with that variant whose chunk state is `s` (the chunks).
 * - Opened / clicked: messages of that variant with at least one open / click (the feedback counters
 *   count each message once per kind; a second link clicked adds nothing).
 * - Open rate = opened / sent, click rate = clicked / sent (0 while nothing is sent).
 * - Revenue: the orders attributed to an email of the variant (results/attribute-order.ts), per
 *   currency. A `revenue` test compares revenue per email sent in the currency with the most
 *   conversions over all variants (a shop sells in one currency, mostly); when no variant has any
 *   conversion yet, it is decided by click rate, the closest signal of intent. The decision records
 *   the metric it used (`decidedBy`).
 * - Ties (the same rate, to the last digit) go to the lowest variant index: variant 0 is the
 *   campaign as its author wrote it, the natural default.
 */
import type { AbMetric } from './ab-test.schema.ts';
import type { CurrencyRevenue } from './results/conversions.repository.ts';
import type { CampaignChunk } from './send/chunk.schema.ts';

export interface VariantFigures {
  readonly variant: number;
  readonly sent: number;
  readonly opened: number;
  readonly clicked: number;
  readonly openRate: number;
  readonly clickRate: number;
  /** Attributed orders per currency, most revenue first. */
  readonly revenue: readonly CurrencyRevenue[];
}

export const rate = (part: number, sent: number): number => (sent > 0 ? part / sent : 0);

export const variantFigures = (
  variant: number,
  sent: number,
  counts: { readonly opened?: number | undefined; readonly clicked?: number | undefined },
  revenue: readonly CurrencyRevenue[] = [],
): VariantFigures => {
  const opened = counts.opened ?? 0;
  const clicked = counts.clicked ?? 0;
  return {
    variant,
    sent,
    opened,
    clicked,
    openRate: rate(opened, sent),
    clickRate: rate(clicked, sent),
    revenue,
  };
};

/** Adds one chunk's test-wave recipients sent per variant (`sent[v]`); pure. */
export const addSentByVariant = (sent: number[], chunk: CampaignChunk, testWave: number): number[] => {
  const next = [...sent];
  chunk.states.forEach((state, i) => {
    if (state !== 's' || chunk.waves[i] !== testWave) return;
    const v = chunk.variants?.[i] ?? 0;
    next[v] = (next[v] ?? 0) + 1;
  });
  return next;
};

/** The currency a revenue test compares: the one with the most conversions over all variants. */
export const decidingCurrency = (figures: readonly VariantFigures[]): string | undefined => {
  const totals = new Map<string, { conversions: number; revenue: number }>();
  for (const line of figures.flatMap((f) => f.revenue)) {
    const t = totals.get(line.currency) ?? { conversions: 0, revenue: 0 };
    totals.set(line.currency, {
      conversions: t.conversions + line.conversions,
      revenue: t.revenue + line.revenue,
    });
  }
  return [...totals]
    .filter(([, t]) => t.conversions > 0)
    .sort(
      ([a, x], [b, y]) => y.conversions - x.conversions || y.revenue - x.revenue || a.localeCompare(b),
    )[0]?.[0];
};

export interface Decision {
  readonly winner: number;
  /** The metric used: a revenue test without conversions is decided by click rate. */
  readonly by: AbMetric;
  /** Each variant's value of it, in variant order (revenue: minor units of `currency` per email sent). */
  readonly values: readonly number[];
  readonly currency?: string;
}

/** The winner: the best value of the metric, ties to the lowest index. */
export const pickWinner = (figures: readonly VariantFigures[], metric: AbMetric): Decision => {
  const sorted = [...figures].sort((a, b) => a.variant - b.variant);
  const currency = metric === 'revenue' ? decidingCurrency(sorted) : undefined;
  const by: AbMetric = metric === 'revenue' && currency === undefined ? 'clickRate' : metric;
  const metricOf = (f: VariantFigures): number =>
    by === 'revenue'
      ? rate(f.revenue.find((r) => r.currency === currency)?.revenue ?? 0, f.sent)
      : by === 'openRate'
        ? f.openRate
        : f.clickRate;
  const values = sorted.map(metricOf);
  let winner = 0;
  let best = Number.NEGATIVE_INFINITY;
  sorted.forEach((f, i) => {
    const value = values[i] ?? 0;
    if (value > best) {
      best = value;
      winner = f.variant;
    }
  });
  return { winner, by, values, ...(currency !== undefined && by === 'revenue' ? { currency } : {}) };
};
