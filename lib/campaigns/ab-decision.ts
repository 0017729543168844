/**
 * The maths of an A/B test, pure: each variant's figures in its test wave and its rates, and the
 * winner by the test's metric.
 *
 * - Sent: recipients of the test wave with that variant whose chunk state is `s` (the chunks).
 * - Opened / clicked: messages of that variant with at least one open / click (the feedback counters
 *   count each message once per kind; a second link clicked adds nothing).
 * - Open rate = opened / sent, click rate = clicked / sent (0 while nothing is sent).
 * - Revenue: attributed revenue per variant is not counted yet (revenue attribution is per campaign),
 *   so a `revenue` test is decided by click rate, the closest signal of intent; the decision records
 *   the metric it used (`decidedBy`).
 * - Ties (the same rate, to the last digit) go to the lowest variant index: variant 0 is the
 *   campaign as its author wrote it, the natural default.
 */
import type { AbMetric } from './ab-test.schema.ts';
import type { CampaignChunk } from './send/chunk.schema.ts';

export interface VariantFigures {
  readonly variant: number;
  readonly sent: number;
  readonly opened: number;
  readonly clicked: number;
  readonly openRate: number;
  readonly clickRate: number;
}

export const rate = (part: number, sent: number): number => (sent > 0 ? part / sent : 0);

export const variantFigures = (
  variant: number,
  sent: number,
  counts: { readonly opened?: number | undefined; readonly clicked?: number | undefined },
): VariantFigures => {
  const opened = counts.opened ?? 0;
  const clicked = counts.clicked ?? 0;
  return { variant, sent, opened, clicked, openRate: rate(opened, sent), clickRate: rate(clicked, sent) };
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

/** The metric a decision actually uses (see the header: revenue falls back to click rate). */
export const decidingMetric = (metric: AbMetric): 'openRate' | 'clickRate' =>
  metric === 'openRate' ? 'openRate' : 'clickRate';

/** The winner: the best value of the metric, ties to the lowest index. */
export const pickWinner = (
  figures: readonly VariantFigures[],
  metric: AbMetric,
): { readonly winner: number; readonly by: 'openRate' | 'clickRate' } => {
  const by = decidingMetric(metric);
  let winner = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (const f of [...figures].sort((a, b) => a.variant - b.variant)) {
    if (f[by] > best) {
      best = f[by];
      winner = f.variant;
    }
  }
  return { winner, by };
};
