/** Dependencies of the scoring functions. */
import { scoreDistributionRepository } from '../../lib/scoring/score-distribution.repository.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { contactDeps } from './contact-deps.ts';
import { once, table } from './deps.ts';
import { timers } from './timer-deps.ts';

export const scoringModels = once(() => ({ models: scoringModelsRepository(table()) }));

export const scoringDeps = once(() => ({ ...contactDeps(), ...scoringModels(), timers: timers() }));

export const scoreDistributionDeps = once(() => ({
  ...scoringModels(),
  distribution: scoreDistributionRepository(table()),
}));
