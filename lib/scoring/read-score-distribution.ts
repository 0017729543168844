/** The score distribution of a workspace: its counter shards summed, laid out along its model's stages. */

import type { ScoreDistributionRepository } from './score-distribution.repository.ts';
import { type DistributionView, distributionOf } from './score-distribution.ts';
import type { ScoringModelsRepository } from './scoring-models.repository.ts';

export const readScoreDistribution = async (
  workspaceId: string,
  deps: {
    readonly distribution: Pick<ScoreDistributionRepository, 'shards'>;
    readonly models: Pick<ScoringModelsRepository, 'get'>;
  },
): Promise<DistributionView> => {
  const [shards, model] = await Promise.all([
    deps.distribution.shards(workspaceId),
    deps.models.get(workspaceId),
  ]);
  return distributionOf(shards, model.lifecycle.stages);
};
