/**
 * Numbers the table can keep exactly. DynamoDB refuses a magnitude over 9.99e125 or under 1e-130,
 * and the marshalling refuses an integer past 2^53 (it could not be read back as the number sent).
 * A request value is checked here, at the boundary, so it is a 422 naming its field, never a 500
 * from the write. A leaf module: it imports nothing of the domain.
 */
import * as z from 'zod';

/** The smallest magnitude DynamoDB stores other than 0. */
const MIN_MAGNITUDE = 1e-130;

export const UNSTORABLE_NUMBER =
  `numbers are at most ${Number.MAX_SAFE_INTEGER} in magnitude (send larger ones as strings) ` +
  `and, unless 0, at least ${MIN_MAGNITUDE}`;

/** Finite, within ±2^53−1, and 0 or at least 1e-130 in magnitude. */
export const isStorableNumber = (n: number): boolean =>
  Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER && (n === 0 || Math.abs(n) >= MIN_MAGNITUDE);

/** A JSON number the table stores exactly. */
export const storableNumber = z.number().refine(isStorableNumber, UNSTORABLE_NUMBER);

/** The paths (relative to `value`) of every number in a JSON value that the table cannot store. */
const unstorablePaths = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (typeof value === 'number') return isStorableNumber(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorablePaths(v, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => unstorablePaths(v, [...path, k]));
  return [];
};

/** A refinement for a schema of free JSON: one issue, at its own path, per number it cannot store. */
export const storableNumbersOnly = (value: unknown, ctx: z.RefinementCtx): void => {
  for (const path of unstorablePaths(value))
    ctx.addIssue({ code: 'custom', path, message: UNSTORABLE_NUMBER });
};
