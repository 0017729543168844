/**
 * A workspace's lead scoring model: what earns points, how points fade, and how the lifecycle moves.
 *
 * - Engagement rules: `points` (negative allowed) each time an event named `event` happens whose
 *   properties pass `where` (the condition language's property filters), optionally capped per UTC
 *   calendar period (`day`, `week` from Monday, `month`) or `ever`. Every matching rule applies.
 * - Fit rules: `points` while a condition of the language holds on the contact (not decayed; they follow
 *   the contact's data). A fit condition cannot read score or stage, which it feeds.
 * - Decay, of engagement points only: `halfLife` (continuous: points are worth half after `days`),
 *   `expire` (points stop counting `days` after they were earned, to the bucket: see score-state.ts), or
 *   `none`.
 * - The reported score is `max(floor, round(engagement + fit))`; negative points below the floor are
 *   kept, so they offset later positive ones.
 * - Lifecycle: ordered stages; `thresholds` move a contact forward when its score reaches `minScore`;
 *   `events` move it forward when such an event happens (an order makes a customer). Rules never move a
 *   contact backward; only an explicit action does (see `setStage`).
 */
import * as z from 'zod';
import {
  type Condition,
  conditionIssues,
  conditionSchema,
  type PropertyFilter,
  propertyFilterSchema,
  requiredField,
} from '../conditions/condition.schema.ts';
import { dependencies } from '../conditions/dependencies.ts';
import { ValidationError } from '../shared/errors.ts';
import { eventNameSchema } from '../shared/values/event-name.schema.ts';
import { DEFAULT_STAGES, stageNameSchema } from '../shared/values/stage.schema.ts';

export const SCORING_LIMITS = {
  engagementRules: 50,
  fitRules: 50,
  points: 1000,
  stages: 20,
  decayDays: 3650,
} as const;

export const CAP_PERIODS = ['day', 'week', 'month', 'ever'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

export interface EngagementRule {
  readonly id: string;
  readonly event: string;
  readonly where?: readonly PropertyFilter[];
  readonly points: number;
  /** At most `points` (in absolute value) from this rule per period. */
  readonly cap?: { readonly points: number; readonly per: CapPeriod };
}

export interface FitRule {
  readonly id: string;
  readonly condition: Condition;
  readonly points: number;
}

export type Decay =
  | { readonly mode: 'none' }
  | { readonly mode: 'halfLife'; readonly days: number }
  | { readonly mode: 'expire'; readonly days: number };

export interface StageEventRule {
  readonly event: string;
  readonly where?: readonly PropertyFilter[];
  readonly stage: string;
}

export interface Lifecycle {
  readonly stages: readonly string[];
  readonly thresholds: readonly { readonly stage: string; readonly minScore: number }[];
  readonly events: readonly StageEventRule[];
}

export interface ScoringModel {
  readonly engagement: readonly EngagementRule[];
  readonly fit: readonly FitRule[];
  readonly decay: Decay;
  readonly floor: number;
  readonly lifecycle: Lifecycle;
}

/** subscriber → lead (10) → mql (60) → sql → opportunity → customer (on `order.placed`). */
const defaultLifecycle = () => ({
  stages: [...DEFAULT_STAGES],
  thresholds: [
    { stage: 'lead', minScore: 10 },
    { stage: 'mql', minScore: 60 },
  ],
  events: [{ event: 'order.placed', stage: 'customer' }],
});
export const DEFAULT_LIFECYCLE: Lifecycle = defaultLifecycle();

const ruleId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][\w.-]*$/, 'rule ids start with a letter: letters, digits, _ . - only');

const points = z
  .number()
  .int('points are whole numbers')
  .min(-SCORING_LIMITS.points, `points are between -${SCORING_LIMITS.points} and ${SCORING_LIMITS.points}`)
  .max(SCORING_LIMITS.points, `points are between -${SCORING_LIMITS.points} and ${SCORING_LIMITS.points}`)
  .refine((p) => p !== 0, 'a rule worth 0 points does nothing');

const where = z.array(propertyFilterSchema).min(1, 'leave where out rather than empty').max(20).optional();

const engagementRule = z.strictObject({
  id: ruleId,
  event: eventNameSchema,
  where,
  points,
  cap: z
    .strictObject({
      points: z.number().int().min(1, 'a cap is at least 1 point').max(100_000),
      per: z.enum(CAP_PERIODS),
    })
    .optional(),
});

const fitRule = z.strictObject({
  id: ruleId,
  condition: conditionSchema.superRefine((condition, ctx) => {
    const deps = dependencies(condition);
    if (deps.score || deps.stage)
      ctx.addIssue({ code: 'custom', message: 'a fit condition cannot read score or stage: it feeds them' });
  }),
  points,
});

const decayDays = z.number().int().min(1, 'at least 1 day').max(SCORING_LIMITS.decayDays);

const decay = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({ mode: z.literal('halfLife'), days: decayDays }),
  z.strictObject({ mode: z.literal('expire'), days: decayDays }),
]);

const lifecycle = z
  .strictObject({
    stages: z.array(stageNameSchema).min(2, 'at least two stages').max(SCORING_LIMITS.stages),
    thresholds: z.array(z.strictObject({ stage: stageNameSchema, minScore: z.number().int() })).default([]),
    events: z.array(z.strictObject({ event: eventNameSchema, where, stage: stageNameSchema })).default([]),
  })
  .superRefine((l, ctx) => {
    const index = new Map<string, number>();
    l.stages.forEach((s, i) => {
      if (index.has(s))
        ctx.addIssue({ code: 'custom', path: ['stages', i], message: `${s} is listed twice` });
      index.set(s, i);
    });
    let previous: { at: number; minScore: number } | undefined;
    const sorted = l.thresholds
      .map((t, i) => ({ ...t, i, at: index.get(t.stage) ?? -1 }))
      .sort((a, b) => a.at - b.at);
    for (const t of sorted) {
      if (t.at < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['thresholds', t.i, 'stage'],
          message: `${t.stage} is not a stage`,
        });
        continue;
      }
      if (t.at === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['thresholds', t.i, 'stage'],
          message: 'the first stage is where contacts start: it takes no threshold',
        });
      if (previous && previous.at === t.at)
        ctx.addIssue({
          code: 'custom',
          path: ['thresholds', t.i, 'stage'],
          message: `${t.stage} has two thresholds`,
        });
      else if (previous && t.minScore <= previous.minScore)
        ctx.addIssue({
          code: 'custom',
          path: ['thresholds', t.i, 'minScore'],
          message: 'a later stage needs a higher score than an earlier one',
        });
      previous = t;
    }
    l.events.forEach((e, i) => {
      if (!index.has(e.stage))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'stage'], message: `${e.stage} is not a stage` });
    });
  });

const uniqueIds = (rules: readonly { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `rule id ${r.id} is used twice` });
    seen.add(r.id);
  });
};

export const scoringModelSchema = z.strictObject({
  engagement: z
    .array(engagementRule)
    .max(SCORING_LIMITS.engagementRules, `at most ${SCORING_LIMITS.engagementRules} engagement rules`)
    .superRefine(uniqueIds)
    .default([]),
  fit: z
    .array(fitRule)
    .max(SCORING_LIMITS.fitRules, `at most ${SCORING_LIMITS.fitRules} fit rules`)
    .superRefine(uniqueIds)
    .default([]),
  decay: decay.default({ mode: 'none' }),
  floor: z.number().int().default(0),
  lifecycle: lifecycle.default(defaultLifecycle),
});

/** Validates a scoring model; a ValidationError names each offending field by its JSON path. */
export const parseScoringModel = (doc: unknown): ScoringModel => {
  const result = scoringModelSchema.safeParse(doc, { error: requiredField });
  if (result.success) return result.data;
  const issues = conditionIssues(result.error);
  const first = issues[0];
  throw new ValidationError(`invalid scoring model: ${first?.path} ${first?.message}`, issues, {
    cause: result.error,
  });
};
