/**
 * The score ledger kept on the contact, and its maths: decay, expiry, caps per period.
 *
 * The ledger stays small whatever the number of events, because it never holds events:
 * - half-life (and no decay): one accumulator, the engagement points' value at an instant. Adding `p`
 *   earned at `t` is exact in any arrival order: value(T) = Σ pᵢ · 2^(−(T − tᵢ)/halfLife).
 * - expiry: points are summed per bucket of `w = max(1, ceil(days / 30))` UTC days; a bucket stops
 *   counting `days` after its END, so a point counts for at least `days` and less than `days + w` days
 *   (to the day when `days` ≤ 30). Live buckets: at most ⌈days / w⌉ + 1 ≤ 31; MAX_BUCKETS bounds it.
 * - caps: per capped rule, the points given in its 2 most recent periods (the current one, and the one
 *   before for slightly late events). An event older than both gets no points from a capped rule.
 * Bound: ≤ 32 buckets + 2 cap entries per capped rule + the ids of the fit rules that hold; about 400
 * bytes as JSON for a contact with 5 capped rules, a month of daily buckets and 5 fit rules.
 */
import { DAY_MS } from '../conditions/dates.ts';
import {
  type Bucket,
  CAP_PERIODS_KEPT,
  type CapEntry,
  MAX_BUCKETS,
  type ScoreState,
} from './score-state.schema.ts';
import type { CapPeriod, Decay, ScoringModel } from './scoring-model.schema.ts';

export const emptyScoreState = (model: ScoringModel): ScoreState => ({
  points: 0,
  at: 0,
  buckets: [],
  fit: 0,
  fitRules: [],
  caps: {},
  score: Math.max(model.floor, 0),
  ...(model.lifecycle.stages[0] !== undefined ? { stage: model.lifecycle.stages[0] } : {}),
});

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export const bucketWidthDays = (expireDays: number): number => Math.max(1, Math.ceil(expireDays / 30));

/** When a bucket stops counting under `expire` (epoch ms). */
export const bucketExpiry = (day: number, expireDays: number): number =>
  (day + bucketWidthDays(expireDays) + expireDays) * DAY_MS;

const bucketDay = (t: number, expireDays: number): number => {
  const w = bucketWidthDays(expireDays);
  return Math.floor(Math.floor(t / DAY_MS) / w) * w;
};

const decayFactor = (decay: Decay, from: number, to: number): number =>
  decay.mode === 'halfLife' ? 2 ** (-(to - from) / (decay.days * DAY_MS)) : 1;

/** The accumulator part at `now` (the part that decays under half-life). */
const accumulatorAt = (state: ScoreState, decay: Decay, now: number): number =>
  state.points === 0 ? 0 : state.points * decayFactor(decay, state.at, now);

/** The bucket part at `now` (the part that expires under `expire`). */
const bucketsAt = (state: ScoreState, decay: Decay, now: number): number => {
  let sum = 0;
  for (const [day, points] of state.buckets)
    if (decay.mode !== 'expire' || now < bucketExpiry(day, decay.days)) sum += points;
  return sum;
};

/** Engagement points at `now`, decay or expiry applied, not rounded. */
export const engagementPoints = (state: ScoreState, model: ScoringModel, now: number): number =>
  accumulatorAt(state, model.decay, now) + bucketsAt(state, model.decay, now);

/** The score at `now`: `max(floor, round(engagement + fit))`. */
export const currentScore = (state: ScoreState, model: ScoringModel, now: Date | number): number => {
  const t = typeof now === 'number' ? now : now.getTime();
  return Math.max(model.floor, Math.round(engagementPoints(state, model, t) + state.fit));
};

/** Drops expired buckets and merges the oldest when more than MAX_BUCKETS remain (a changed model). */
export const pruneBuckets = (buckets: readonly Bucket[], decay: Decay, now: number): Bucket[] => {
  const live =
    decay.mode === 'expire' ? buckets.filter(([day]) => now < bucketExpiry(day, decay.days)) : [...buckets];
  while (live.length > MAX_BUCKETS) {
    const [oldest, next, ...rest] = live;
    if (!oldest || !next) break;
    live.splice(0, live.length, [next[0], oldest[1] + next[1]], ...rest);
  }
  return live;
};

export interface Added {
  readonly state: ScoreState;
  /** False when the points had already expired by `now` (an event older than the expiry). */
  readonly counted: boolean;
}

/** Adds `points` earned at `t` (≤ now) to the ledger, under the model's decay. */
export const addPoints = (
  state: ScoreState,
  model: ScoringModel,
  t: number,
  points: number,
  now: number,
): Added => {
  const { decay } = model;
  if (decay.mode === 'expire') {
    const day = bucketDay(t, decay.days);
    if (now >= bucketExpiry(day, decay.days)) return { state, counted: false };
    const buckets = [...state.buckets];
    const i = buckets.findIndex(([d]) => d === day);
    const existing = buckets[i];
    if (existing) buckets[i] = [day, existing[1] + points];
    else buckets.push([day, points]);
    buckets.sort((a, b) => a[0] - b[0]);
    return { state: { ...state, buckets: pruneBuckets(buckets, decay, now) }, counted: true };
  }
  const at = Math.max(state.at, t);
  const value = accumulatorAt(state, decay, at) + points * decayFactor(decay, t, at);
  return { state: { ...state, points: round6(value), at }, counted: true };
};

/** The index of `t`'s period: UTC day, ISO week (from Monday), UTC month, or 0 for `ever`. */
export const periodIndex = (per: CapPeriod, t: number): number => {
  const day = Math.floor(t / DAY_MS);
  switch (per) {
    case 'day':
      return day;
    case 'week':
      // 1970-01-01 was a Thursday: shift so that weeks start on Mondays.
      return Math.floor((day + 3) / 7);
    case 'month': {
      const d = new Date(t);
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    }
    case 'ever':
      return 0;
  }
};

export interface CapResult {
  /** The points this event may give (partial when the cap is nearly reached). */
  readonly award: number;
  readonly entries: readonly CapEntry[];
  readonly note?: 'cap reached' | 'period no longer tracked';
}

/** Applies a rule's cap to `points` earned at `t`. */
export const applyCap = (
  entries: readonly CapEntry[],
  cap: { readonly points: number; readonly per: CapPeriod },
  points: number,
  t: number,
): CapResult => {
  const period = periodIndex(cap.per, t);
  const found = entries.find(([p]) => p === period);
  if (!found && entries.length >= CAP_PERIODS_KEPT && entries.every(([p]) => p > period))
    return { award: 0, entries, note: 'period no longer tracked' };
  const given = found?.[1] ?? 0;
  const room = Math.max(0, cap.points - Math.abs(given));
  const award = Math.sign(points) * Math.min(Math.abs(points), room);
  const next: CapEntry[] = [[period, given + award], ...entries.filter(([p]) => p !== period)];
  next.sort((a, b) => b[0] - a[0]);
  return {
    award,
    entries: next.slice(0, CAP_PERIODS_KEPT),
    ...(award === 0 ? { note: 'cap reached' as const } : {}),
  };
};

/** The last instant a Date can hold. */
const MAX_DATE_MS = 8.64e15;

/** How far `nextDecayStep` steps to pin a crossing to the millisecond after the closed form. */
const PIN_STEPS = 64;

/**
 * The earliest instant after `now` at which decay or expiry alone changes the score in a way that
 * matters: when `thresholds` are given, when `score ≥ threshold` flips for one of them (the score values of
 * segment conditions and stage thresholds); otherwise when the reported score changes at all. Exact to
 * the millisecond: the score at the instant returned differs, one millisecond before it does not.
 * `undefined` when time alone will never change it (no decay, nothing left to expire, at the floor).
 */
export const nextDecayStep = (
  state: ScoreState,
  model: ScoringModel,
  now: Date,
  options: { readonly thresholds?: readonly number[] } = {},
): Date | undefined => {
  const t0 = now.getTime();
  const score0 = currentScore(state, model, t0);
  const thresholds = options.thresholds ?? [score0, score0 + 1];
  const initial = thresholds.map((threshold) => score0 >= threshold);
  const differs = (t: number) => {
    const s = currentScore(state, model, t);
    return thresholds.some((threshold, i) => s >= threshold !== initial[i]);
  };
  const { decay } = model;

  if (decay.mode === 'expire') {
    const instants = [...new Set(state.buckets.map(([day]) => bucketExpiry(day, decay.days)))]
      .filter((t) => t > t0)
      .sort((a, b) => a - b);
    const flip = instants.find(differs);
    return flip === undefined ? undefined : new Date(flip);
  }
  if (decay.mode !== 'halfLife' || state.points === 0) return undefined;

  const halfLife = decay.days * DAY_MS;
  const decaying = accumulatorAt(state, decay, t0);
  const constant = bucketsAt(state, decay, t0) + state.fit;
  let earliest: number | undefined;
  for (const threshold of thresholds) {
    if (model.floor >= threshold) continue;
    // score ≥ threshold ⇔ engagement + fit ≥ threshold − 0.5 (Math.rounds halves up); solve decaying(t) = c.
    const c = threshold - 0.5 - constant;
    const above = decaying >= c;
    const crosses = above ? decaying > 0 && c > 0 : decaying < 0 && c < 0;
    if (!crosses) continue;
    const approx = t0 + halfLife * Math.log2(decaying / c);
    if (!(approx < MAX_DATE_MS)) continue;
    const side = (t: number) => currentScore(state, model, t) >= threshold;
    const start = side(t0);
    let t = Math.max(t0 + 1, Math.floor(approx));
    for (let i = 0; i < PIN_STEPS && t - 1 > t0 && side(t - 1) !== start; i++) t -= 1;
    for (let i = 0; i < PIN_STEPS && side(t) === start; i++) t += 1;
    if (side(t) !== start && (earliest === undefined || t < earliest)) earliest = t;
  }
  return earliest === undefined ? undefined : new Date(earliest);
};

/** Where a contact's points come from at `now`, for the API's score breakdown. */
export const scoreBreakdown = (state: ScoreState | undefined, model: ScoringModel, now: Date) => {
  const ledger = state ?? emptyScoreState(model);
  return {
    score: currentScore(ledger, model, now),
    engagement: Math.round(engagementPoints(ledger, model, now.getTime()) * 100) / 100,
    fit: ledger.fit,
    fitRules: [...ledger.fitRules],
  };
};
