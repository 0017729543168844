/** A random split's paths in the builder: added and removed within 2–4, each path's share of contacts. */
import { describe, expect, it } from 'vitest';
import { END_RUN, FOLLOWING, type SplitPath } from '../src/pages/journeys/form/journey-form-model.ts';
import {
  addPath,
  canAddPath,
  canRemovePath,
  removePath,
  splitShares,
} from '../src/pages/journeys/form/split-paths.ts';

const path = (weight: string, next = FOLLOWING): SplitPath => ({ key: `k${weight}${next}`, weight, next });

describe('a split’s paths in the builder', () => {
  it('adds paths up to four, each new one going on to the following step', () => {
    const two = [path('9'), path('1', END_RUN)];

    const three = addPath(two);
    const four = addPath(three);

    expect(three).toHaveLength(3);
    expect(three[2]).toMatchObject({ weight: '50', next: FOLLOWING });
    expect(four).toHaveLength(4);
    expect(canAddPath(four)).toBe(false);
    expect(addPath(four)).toBe(four);
  });

  it('removes the path asked for, never below two', () => {
    const three = [path('1', 'a'), path('2', 'b'), path('3', 'c')];

    const two = removePath(three, 1);

    expect(two.map((p) => p.next)).toEqual(['a', 'c']);
    expect(canRemovePath(two)).toBe(false);
    expect(removePath(two, 0)).toBe(two);
  });

  it('gives each path its weight’s share of the total', () => {
    expect(splitShares([path('50'), path('50')])).toEqual([0.5, 0.5]);
    expect(splitShares([path('9'), path(' 1 ')])).toEqual([0.9, 0.1]);
    expect(splitShares([path('1'), path('1'), path('2')])).toEqual([0.25, 0.25, 0.5]);
  });

  it('gives no share while a weight is blank, zero or not a whole number', () => {
    for (const weight of ['', '0', '2.5', '-1', 'half'])
      expect(splitShares([path('1'), path(weight)]), weight).toBeUndefined();
  });
});
