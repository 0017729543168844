import { describe, expect, it } from 'vitest';
import {
  BUCKET_SIZE,
  bucketCounter,
  bucketOf,
  counterDeltas,
  distributionOf,
  HIGHEST_BUCKET,
  LOWEST_BUCKET,
  positionOf,
  stageCounter,
} from '../../lib/scoring/score-distribution.ts';

const STAGES = ['subscriber', 'lead', 'mql'];

describe('score distribution buckets', () => {
  it('puts a score in the 10-point bucket that starts at or below it', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(9)).toBe(0);
    expect(bucketOf(10)).toBe(10);
    expect(bucketOf(59)).toBe(50);
    expect(bucketOf(-1)).toBe(-10);
    expect(bucketOf(-10)).toBe(-10);
    expect(bucketOf(-11)).toBe(-20);
  });

  it('keeps the extremes in two open buckets, so the counters stay few', () => {
    expect(bucketOf(-5_000)).toBe(LOWEST_BUCKET);
    expect(bucketOf(LOWEST_BUCKET)).toBe(LOWEST_BUCKET);
    expect(bucketOf(HIGHEST_BUCKET + 1234)).toBe(HIGHEST_BUCKET);
    expect(bucketOf(HIGHEST_BUCKET - 1)).toBe(HIGHEST_BUCKET - BUCKET_SIZE);
  });
});

describe('counter deltas', () => {
  it('moves a contact out of its old bucket and stage into its new ones', () => {
    expect(counterDeltas({ bucket: 0, stage: 'subscriber' }, { bucket: 30, stage: 'lead' })).toEqual({
      [bucketCounter(0)]: -1,
      [bucketCounter(30)]: 1,
      [stageCounter('subscriber')]: -1,
      [stageCounter('lead')]: 1,
    });
  });

  it('writes nothing for a change inside one bucket and stage', () => {
    expect(counterDeltas({ bucket: 30, stage: 'lead' }, { bucket: 30, stage: 'lead' })).toEqual({});
  });

  it('moves only the stage on a manual move, only the bucket on a score change within a stage', () => {
    expect(counterDeltas({ bucket: 30, stage: 'lead' }, { bucket: 30, stage: 'mql' })).toEqual({
      [stageCounter('lead')]: -1,
      [stageCounter('mql')]: 1,
    });
    expect(counterDeltas({ bucket: 30, stage: 'lead' }, { bucket: 40, stage: 'lead' })).toEqual({
      [bucketCounter(30)]: -1,
      [bucketCounter(40)]: 1,
    });
  });

  it('counts a ledger never counted (from nowhere) and takes an erased one out (to nowhere)', () => {
    expect(counterDeltas(undefined, positionOf({ score: 12, stage: 'lead' }))).toEqual({
      [bucketCounter(10)]: 1,
      [stageCounter('lead')]: 1,
    });
    expect(counterDeltas(positionOf({ score: 12 }), undefined)).toEqual({ [bucketCounter(10)]: -1 });
  });
});

describe('the distribution from counter shards', () => {
  it('sums shards, fills empty buckets between, lists the model stages then leftovers', () => {
    const view = distributionOf(
      [
        { [bucketCounter(0)]: 3, [bucketCounter(30)]: 1, [stageCounter('subscriber')]: 3 },
        {
          [bucketCounter(0)]: 2,
          [bucketCounter(10)]: 0,
          [stageCounter('subscriber')]: 2,
          [stageCounter('lead')]: 0,
          [stageCounter('sql')]: 1,
          [stageCounter('gone')]: 0,
        },
      ],
      STAGES,
    );
    expect(view).toEqual({
      contacts: 6,
      bucketSize: 10,
      buckets: [
        { from: 0, to: 10, contacts: 5 },
        { from: 10, to: 20, contacts: 0 },
        { from: 20, to: 30, contacts: 0 },
        { from: 30, to: 40, contacts: 1 },
      ],
      stages: [
        { stage: 'subscriber', contacts: 5 },
        { stage: 'lead', contacts: 0 },
        { stage: 'mql', contacts: 0 },
        { stage: 'sql', contacts: 1 },
      ],
    });
  });

  it('leaves the open ends without a bound', () => {
    const view = distributionOf(
      [{ [bucketCounter(LOWEST_BUCKET)]: 1, [bucketCounter(HIGHEST_BUCKET)]: 2 }],
      STAGES,
    );
    expect(view.buckets[0]).toEqual({ to: LOWEST_BUCKET + BUCKET_SIZE, contacts: 1 });
    expect(view.buckets.at(-1)).toEqual({ from: HIGHEST_BUCKET, contacts: 2 });
    expect(view.buckets).toHaveLength((HIGHEST_BUCKET - LOWEST_BUCKET) / BUCKET_SIZE + 1);
    expect(view.contacts).toBe(3);
  });

  it('is empty with every model stage at zero in a workspace that never scored', () => {
    expect(distributionOf([], STAGES)).toEqual({
      contacts: 0,
      bucketSize: 10,
      buckets: [],
      stages: STAGES.map((stage) => ({ stage, contacts: 0 })),
    });
  });
});
