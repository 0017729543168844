import { describe, expect, it } from 'vitest';
import { distributionBars } from '../src/pages/scoring/distribution-bars.ts';

const thresholds = [
  { stage: 'lead', minScore: 10 },
  { stage: 'mql', minScore: 60 },
];

describe('score distribution bars', () => {
  it('widens the buckets to show every threshold, and places each threshold in its bar', () => {
    const { bars, markers } = distributionBars(
      { contacts: 3, bucketSize: 10, buckets: [{ from: 20, to: 30, contacts: 3 }], stages: [] },
      thresholds,
    );
    expect(bars.map((b) => [b.from, b.contacts])).toEqual([
      [10, 0],
      [20, 3],
      [30, 0],
      [40, 0],
      [50, 0],
      [60, 0],
    ]);
    expect(markers).toEqual([
      { stage: 'lead', at: 0 },
      { stage: 'mql', at: 5 },
    ]);
  });

  it('keeps an open end bucket as the end, a threshold beyond it at the edge', () => {
    const { bars, markers } = distributionBars(
      {
        contacts: 2,
        bucketSize: 10,
        buckets: [
          { to: -90, contacts: 1 },
          { from: -90, to: -80, contacts: 1 },
        ],
        stages: [],
      },
      [{ stage: 'cold', minScore: -500 }, ...thresholds],
    );
    expect(bars[0]).toEqual({ to: -90, contacts: 1 });
    expect(bars.at(-1)?.from).toBe(60);
    expect(markers[0]).toEqual({ stage: 'cold', at: 0 });
    expect(markers[2]?.at).toBe(16);
  });

  it('has no bars before any contact is scored', () => {
    expect(distributionBars({ contacts: 0, bucketSize: 10, buckets: [], stages: [] }, thresholds)).toEqual({
      bars: [],
      markers: [],
    });
  });
});
