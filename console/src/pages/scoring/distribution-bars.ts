/**
 * The score distribution as bars: the API's buckets (lowest to highest holding a contact), widened so
 * that every stage threshold falls on the chart, and where each threshold sits, in bars from the left.
 */
import type { ResponseOf } from '../../api/types.ts';

export type Distribution = ResponseOf<'/v1/score-distribution', 'get'>;
export type Bar = Distribution['buckets'][number];

export interface Threshold {
  readonly stage: string;
  readonly minScore: number;
}

export interface Marker {
  readonly stage: string;
  /** Position in bars from the chart's left edge (2.5: halfway through the third bar). */
  readonly at: number;
}

export const distributionBars = (
  view: Distribution,
  thresholds: readonly Threshold[],
): { readonly bars: readonly Bar[]; readonly markers: readonly Marker[] } => {
  const size = view.bucketSize;
  const first = view.buckets[0];
  const last = view.buckets.at(-1);
  if (!first || !last) return { bars: [], markers: [] };
  const startOf = (b: Bar) => b.from ?? (b.to ?? 0) - size;
  let low = startOf(first);
  let high = startOf(last);
  // Open end buckets (no `from` below, no `to` above) already hold everything beyond them.
  for (const t of thresholds) {
    const start = Math.floor(t.minScore / size) * size;
    if (first.from !== undefined) low = Math.min(low, start);
    if (last.to !== undefined) high = Math.max(high, start);
  }
  const byStart = new Map(view.buckets.map((b) => [startOf(b), b]));
  const bars: Bar[] = [];
  for (let start = low; start <= high; start += size)
    bars.push(byStart.get(start) ?? { from: start, to: start + size, contacts: 0 });
  const markers = thresholds.map((t) => ({
    stage: t.stage,
    at: Math.min(bars.length, Math.max(0, (t.minScore - low) / size)),
  }));
  return { bars, markers };
};
