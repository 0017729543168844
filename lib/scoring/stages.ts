/**
 * Lifecycle stage moves. Rules (score thresholds, events) only move a contact forward; an explicit
 * action (`setStage` in lead-scoring.ts) may move it anywhere. After an explicit move backward the
 * contact is "held": thresholds then promote it only when its score crosses one upward (from below to
 * at or above), not merely because it still sits above — otherwise the next event would undo the move.
 * Events (an order makes a customer) always apply: they are new facts.
 */

import type { ScoreState } from './score-state.schema.ts';
import { currentScore } from './score-state.ts';
import type { ScoringModel } from './scoring-model.schema.ts';

export interface StageChange {
  readonly from: string | undefined;
  readonly to: string;
  readonly by: 'threshold' | 'event' | 'manual';
  /** The event name (by event). */
  readonly rule?: string;
}

/** Position in the lifecycle; -1 for no stage or one the model no longer has. */
export const stageIndex = (model: ScoringModel, stage: string | undefined): number =>
  stage === undefined ? -1 : model.lifecycle.stages.indexOf(stage);

/** The latest stage whose threshold `score` reaches. */
export const thresholdStage = (model: ScoringModel, score: number): string | undefined => {
  let best: { stage: string; at: number } | undefined;
  for (const t of model.lifecycle.thresholds) {
    const at = stageIndex(model, t.stage);
    if (score >= t.minScore && (best === undefined || at > best.at)) best = { stage: t.stage, at };
  }
  return best?.stage;
};

/** The latest stage whose threshold was crossed upward going from `before` to `after`. */
export const crossedStage = (model: ScoringModel, before: number, after: number): string | undefined => {
  let best: { stage: string; at: number } | undefined;
  for (const t of model.lifecycle.thresholds) {
    const at = stageIndex(model, t.stage);
    if (before < t.minScore && after >= t.minScore && (best === undefined || at > best.at))
      best = { stage: t.stage, at };
  }
  return best?.stage;
};

/** What thresholds ask for when the score goes from `before` to `after` (respecting a hold). */
export const thresholdTarget = (
  state: ScoreState,
  model: ScoringModel,
  before: number,
  after: number,
): string | undefined => (state.held ? crossedStage(model, before, after) : thresholdStage(model, after));

/**
 * The stage the contact should be in at `now` by score thresholds: its own stage, or later if its
 * score (decay applied) has reached a later stage's threshold since it was last reported. Never earlier.
 */
export const stageFor = (state: ScoreState, model: ScoringModel, now: Date): string | undefined => {
  const current = state.stage ?? model.lifecycle.stages[0];
  const target = thresholdTarget(state, model, state.score, currentScore(state, model, now));
  return target !== undefined && stageIndex(model, target) > stageIndex(model, current) ? target : current;
};
