/**
 * Numbers the table can keep exactly. DynamoDB refuses a magnitude over 9.99e125 or under 1e-130,
 * and the marshalling refuses an integer past 2^53 (it could not be read back as the number sent).
 * A request value is checked here, at the boundary, so it is a 422 naming its field, never a 500
 * from the write. Free JSON (a tracked event's properties) is also held to a nesting depth that
 * leaves room for the item around it under DynamoDB's 32 levels. A leaf module: it imports nothing of
 * the domain.
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

/** How deep free JSON may nest (objects and arrays); the item around it takes some of DynamoDB's 32. */
export const MAX_JSON_DEPTH = 16;

type Path = (string | number)[];

/** Every number the table cannot store, and every value nested deeper than MAX_JSON_DEPTH, by path. */
const unstorable = (value: unknown, path: Path = [], depth = 0): { path: Path; message: string }[] => {
  if (typeof value === 'number') return isStorableNumber(value) ? [] : [{ path, message: UNSTORABLE_NUMBER }];
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= MAX_JSON_DEPTH)
    return [{ path, message: `nests at most ${MAX_JSON_DEPTH} levels of objects and lists` }];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? [...value.entries()]
    : Object.entries(value);
  return entries.flatMap(([k, v]) => unstorable(v, [...path, k], depth + 1));
};

/**
 * A refinement for a schema of free JSON: one issue at its own path per number the table cannot
 * store, and where it nests too deep for the table.
 */
export const storableJsonOnly = (value: unknown, ctx: z.RefinementCtx): void => {
  for (const { path, message } of unstorable(value)) ctx.addIssue({ code: 'custom', path, message });
};

/** Whether free JSON nests within MAX_JSON_DEPTH (walking no deeper): a check after this may recurse. */
export const nestsWithinLimit = (value: unknown, depth = 0): boolean => {
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  return (Array.isArray(value) ? value : Object.values(value)).every((v) => nestsWithinLimit(v, depth + 1));
};
