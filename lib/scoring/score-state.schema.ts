/**
 * The score ledger as stored on the contact (its maths live in score-state.ts; the bounds below are
 * explained there). A leaf module: the contact's schema embeds the ledger, so this file imports nothing
 * of the domain.
 */
import * as z from 'zod';

export const MAX_BUCKETS = 32;
export const CAP_PERIODS_KEPT = 2;

/** `[bucket start as days since 1970-01-01 UTC, points]`. */
export type Bucket = readonly [day: number, points: number];
/** `[period index, points given in it]`. */
export type CapEntry = readonly [period: number, points: number];

export interface ScoreState {
  /** Engagement points under half-life or no decay: their value at `at` (epoch ms). */
  readonly points: number;
  readonly at: number;
  /** Engagement points under expiry, oldest bucket first. */
  readonly buckets: readonly Bucket[];
  /** Fit points, and the fit rules that hold. */
  readonly fit: number;
  readonly fitRules: readonly string[];
  /** Per capped engagement rule id, newest period first. */
  readonly caps: Readonly<Record<string, readonly CapEntry[]>>;
  /** The score last reported (what the last `score.changed` said). */
  readonly score: number;
  readonly stage?: string;
  /** Set by an explicit move backward: thresholds then promote only when the score crosses them upward. */
  readonly held?: boolean;
  /** Set when this ledger's score and stage are in the workspace's score distribution counters. */
  readonly counted?: true;
}

/** The ledger as stored on the contact; read it back through this schema. */
export const scoreStateSchema = z.object({
  points: z.number(),
  at: z.number(),
  buckets: z.array(z.tuple([z.number().int(), z.number()])).max(MAX_BUCKETS),
  fit: z.number(),
  fitRules: z.array(z.string()).max(50),
  caps: z.record(z.string(), z.array(z.tuple([z.number().int(), z.number()])).max(CAP_PERIODS_KEPT)),
  score: z.number(),
  stage: z.string().optional(),
  held: z.boolean().optional(),
  counted: z.literal(true).optional(),
});
