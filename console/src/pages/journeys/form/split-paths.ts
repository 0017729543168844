/**
 * A random split's paths as the builder edits them: adding one (at most `SPLIT_PATHS.max`, the new
 * one going on to the following step), removing one (never below `SPLIT_PATHS.min`), and the share
 * of the runs each takes: its weight over the sum of the weights (a run takes one path, by a hash, in
 * proportion to the weights). Shares are known only when every weight typed is a whole number of at
 * least 1: with one blank or wrong, the others' shares would be wrong too.
 */
import { FOLLOWING, newSplitPath, SPLIT_PATHS, type SplitPath } from './journey-form-model.ts';

const WHOLE = /^\d+$/;

export const canAddPath = (paths: readonly SplitPath[]): boolean => paths.length < SPLIT_PATHS.max;
export const canRemovePath = (paths: readonly SplitPath[]): boolean => paths.length > SPLIT_PATHS.min;

export const addPath = (paths: readonly SplitPath[]): readonly SplitPath[] =>
  canAddPath(paths) ? [...paths, newSplitPath(FOLLOWING)] : paths;

export const removePath = (paths: readonly SplitPath[], index: number): readonly SplitPath[] =>
  canRemovePath(paths) ? paths.filter((_, i) => i !== index) : paths;

/** Each path's share as a ratio (0.25 for a quarter), or `undefined` when a weight is not one. */
export const splitShares = (paths: readonly Pick<SplitPath, 'weight'>[]): readonly number[] | undefined => {
  const weights = paths.map((p) => p.weight.trim());
  if (!weights.every((w) => WHOLE.test(w) && Number(w) >= 1)) return undefined;
  const total = weights.reduce((sum, w) => sum + Number(w), 0);
  return weights.map((w) => Number(w) / total);
};
