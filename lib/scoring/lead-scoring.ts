/**
 * Lead scoring, the pure use of a model on one contact's ledger: an event earns engagement points and
 * may move the stage; the contact's data decides fit points; time decays and expires points; staff move
 * stages explicitly. Every function takes the time as an argument and returns the new state with what
 * changed and why, for `score.changed` / `stage.changed` events and the score history.
 *
 * Not idempotent by itself: applying the same event twice scores it twice. The caller records the event
 * id with the state in one conditional write (at-least-once delivery, effects once).
 */

import type { Condition } from '../conditions/condition.schema.ts';
import { dateOf } from '../conditions/dates.ts';
import { compile, type Evaluator, nextChange } from '../conditions/evaluate.ts';
import { type CompiledEventFilter, compileEventFilter } from '../conditions/predicate.ts';
import type { EventInput, Subject } from '../conditions/subject.ts';
import { ValidationError } from '../shared/errors.ts';
import type { ScoreState } from './score-state.schema.ts';
import { addPoints, applyCap, currentScore, pruneBuckets } from './score-state.ts';
import type { EngagementRule, ScoringModel } from './scoring-model.schema.ts';
import { type StageChange, stageIndex, thresholdTarget } from './stages.ts';

export interface ScoreReason {
  readonly kind: 'engagement' | 'fit';
  readonly rule: string;
  /** Points this input gave (engagement, after the cap) or the change in fit points (+ starts, − stops). */
  readonly points: number;
  readonly note?: 'cap reached' | 'period no longer tracked' | 'expired';
}

export interface ScoreResult {
  readonly state: ScoreState;
  /** The score at `now` after this input. */
  readonly score: number;
  /** The score last reported (the state's), for `score.changed` from → to; decay since then included. */
  readonly previousScore: number;
  /** What this input alone changed: score after − score before, both at `now`. */
  readonly delta: number;
  readonly reasons: readonly ScoreReason[];
  readonly stageChange?: StageChange;
}

interface CompiledModel {
  readonly engagement: readonly { readonly rule: EngagementRule; readonly filter: CompiledEventFilter }[];
  readonly fit: readonly {
    readonly id: string;
    readonly points: number;
    readonly condition: Condition;
    readonly test: Evaluator;
  }[];
  readonly stageEvents: readonly {
    readonly stage: string;
    readonly event: string;
    readonly filter: CompiledEventFilter;
  }[];
}

const compiledModels = new WeakMap<ScoringModel, CompiledModel>();

const compileModel = (model: ScoringModel): CompiledModel => {
  let compiled = compiledModels.get(model);
  if (compiled === undefined) {
    compiled = {
      engagement: model.engagement.map((rule) => ({
        rule,
        filter: compileEventFilter({ name: rule.event, ...(rule.where ? { where: rule.where } : {}) }),
      })),
      fit: model.fit.map((r) => ({
        id: r.id,
        points: r.points,
        condition: r.condition,
        test: compile(r.condition),
      })),
      stageEvents: model.lifecycle.events.map((e) => ({
        stage: e.stage,
        event: e.event,
        filter: compileEventFilter({ name: e.event, ...(e.where ? { where: e.where } : {}) }),
      })),
    };
    compiledModels.set(model, compiled);
  }
  return compiled;
};

/** Moves the stage forward by an event target or by thresholds; stores the score reported. */
const conclude = (
  before: ScoreState,
  after: ScoreState,
  model: ScoringModel,
  now: number,
  scores: { readonly from: number; readonly reasons: readonly ScoreReason[] },
  byEvent?: { readonly stage: string; readonly event: string },
): ScoreResult => {
  const score = currentScore(after, model, now);
  const current = after.stage ?? model.lifecycle.stages[0];
  const byThreshold = thresholdTarget(after, model, scores.from, score);
  let stageChange: StageChange | undefined;
  if (byEvent && stageIndex(model, byEvent.stage) > stageIndex(model, current))
    stageChange = { from: current, to: byEvent.stage, by: 'event', rule: byEvent.event };
  if (
    byThreshold !== undefined &&
    stageIndex(model, byThreshold) > stageIndex(model, stageChange?.to ?? current)
  )
    stageChange = { from: current, to: byThreshold, by: 'threshold' };
  const knownRules = new Set(model.engagement.map((r) => r.id));
  const caps = Object.fromEntries(Object.entries(after.caps).filter(([id]) => knownRules.has(id)));
  const { held: _held, ...unheld } = after;
  const state: ScoreState = {
    ...(stageChange ? unheld : after),
    caps,
    buckets: pruneBuckets(after.buckets, model.decay, now),
    score,
    ...(stageChange ? { stage: stageChange.to } : current !== undefined ? { stage: current } : {}),
  };
  return {
    state,
    score,
    previousScore: before.score,
    delta: score - currentScore(before, model, now),
    reasons: scores.reasons,
    ...(stageChange ? { stageChange } : {}),
  };
};

/** The event's time, never after `now` (client clocks run ahead); `now` when unreadable. */
const eventTime = (event: EventInput, now: number): number => {
  const t = dateOf(event.occurredAt);
  return Number.isNaN(t) ? now : Math.min(t, now);
};

/** Whether any rule of the model reads the event: an engagement rule or a lifecycle event rule it matches. */
export const eventCanScore = (event: EventInput, model: ScoringModel, now: Date): boolean => {
  const compiled = compileModel(model);
  const t = eventTime(event, now.getTime());
  return (
    compiled.engagement.some(({ filter }) => filter.matches(event, t)) ||
    compiled.stageEvents.some(({ filter }) => filter.matches(event, t))
  );
};

/**
 * Scores one event: every engagement rule it matches gives its points (after its cap), and a lifecycle
 * event rule it matches moves the stage forward, as may the new score's thresholds.
 */
export const applyEvent = (
  state: ScoreState,
  event: EventInput,
  model: ScoringModel,
  now: Date,
): ScoreResult => {
  const t0 = now.getTime();
  const compiled = compileModel(model);
  const t = eventTime(event, t0);
  let next = state;
  const reasons: ScoreReason[] = [];
  for (const { rule, filter } of compiled.engagement) {
    // Property filters relative to now (withinLastDays...) are read at the event's time: a rule scores
    // the event as it was when it happened, whenever it is applied.
    if (!filter.matches(event, t)) continue;
    let award = rule.points;
    let note: ScoreReason['note'];
    if (rule.cap) {
      const capped = applyCap(next.caps[rule.id] ?? [], rule.cap, rule.points, t);
      award = capped.award;
      note = capped.note;
      next = { ...next, caps: { ...next.caps, [rule.id]: capped.entries } };
    }
    if (award !== 0) {
      const added = addPoints(next, model, t, award, t0);
      next = added.state;
      if (!added.counted) note = 'expired';
    }
    reasons.push({
      kind: 'engagement',
      rule: rule.id,
      points: note === 'expired' ? 0 : award,
      ...(note ? { note } : {}),
    });
  }
  let byEvent: { stage: string; event: string } | undefined;
  for (const rule of compiled.stageEvents)
    if (
      rule.filter.matches(event, t) &&
      (!byEvent || stageIndex(model, rule.stage) > stageIndex(model, byEvent.stage))
    )
      byEvent = { stage: rule.stage, event: rule.event };
  return conclude(state, next, model, t0, { from: currentScore(state, model, t0), reasons }, byEvent);
};

/**
 * Re-evaluates the fit rules on the contact's current data (after a contact change): fit points are
 * the sum of the rules that hold. Reasons name the rules that started (+) or stopped (−) holding.
 */
export const applyFit = (
  state: ScoreState,
  subject: Subject,
  model: ScoringModel,
  now: Date,
): ScoreResult => {
  const t0 = now.getTime();
  const context = { now, stages: model.lifecycle.stages };
  const holding = compileModel(model).fit.filter((r) => r.test(subject, context));
  const was = new Set(state.fitRules);
  const is = new Set(holding.map((r) => r.id));
  const reasons: ScoreReason[] = [
    ...holding
      .filter((r) => !was.has(r.id))
      .map((r) => ({ kind: 'fit' as const, rule: r.id, points: r.points })),
    ...model.fit
      .filter((r) => was.has(r.id) && !is.has(r.id))
      .map((r) => ({ kind: 'fit' as const, rule: r.id, points: -r.points })),
  ];
  const next: ScoreState = {
    ...state,
    fit: holding.reduce((sum, r) => sum + r.points, 0),
    fitRules: holding.map((r) => r.id),
  };
  return conclude(state, next, model, t0, { from: currentScore(state, model, t0), reasons });
};

/**
 * Brings the ledger to `now` with no new input: expired buckets dropped, the score as decay left it,
 * and the stage moved forward if the score reached a later threshold since it was last reported (a
 * negative balance decaying towards 0 can). What a scheduled `nextDecayStep` runs.
 */
export const settle = (state: ScoreState, model: ScoringModel, now: Date): ScoreResult =>
  conclude(state, state, model, now.getTime(), { from: state.score, reasons: [] });

/**
 * An explicit stage move by staff or an API call, forward or backward. A move backward holds the
 * contact (see stages.ts); a move forward releases it.
 */
export const setStage = (state: ScoreState, stage: string, model: ScoringModel, now: Date): ScoreResult => {
  const to = stageIndex(model, stage);
  if (to < 0)
    throw new ValidationError(`${stage} is not a stage of this workspace`, [
      { path: 'stage', message: `expected one of ${model.lifecycle.stages.join(', ')}` },
    ]);
  const t0 = now.getTime();
  const from = state.stage ?? model.lifecycle.stages[0];
  const score = currentScore(state, model, t0);
  const { held: _held, ...unheld } = state;
  const backward = to < stageIndex(model, from);
  const next: ScoreState = { ...unheld, score, stage, ...(backward ? { held: true } : {}) };
  return {
    state: next,
    score,
    previousScore: state.score,
    delta: 0,
    reasons: [],
    ...(from !== stage ? { stageChange: { from, to: stage, by: 'manual' as const } } : {}),
  };
};

/** When a time-relative fit condition (e.g. "signed up in the last 30 days") may change by itself. */
export const nextFitChange = (subject: Subject, model: ScoringModel, now: Date): Date | undefined => {
  const context = { now, stages: model.lifecycle.stages };
  let earliest: Date | undefined;
  for (const rule of compileModel(model).fit) {
    const at = nextChange(rule.condition, subject, context);
    if (at && (!earliest || at < earliest)) earliest = at;
  }
  return earliest;
};
