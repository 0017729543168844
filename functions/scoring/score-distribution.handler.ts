import { readScoreDistribution } from '../../lib/scoring/read-score-distribution.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { scoreDistributionDeps } from '../shared/scoring-deps.ts';
import { scoreDistributionRoute } from './scoring.routes.ts';

export const handler = httpHandler(scoreDistributionRoute, async ({ principal }) =>
  ok(await readScoreDistribution(principal.workspaceId, scoreDistributionDeps())),
);
