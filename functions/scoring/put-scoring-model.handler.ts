import { httpHandler, ok } from '../shared/http-handler.ts';
import { scoringModels } from '../shared/scoring-deps.ts';
import { putScoringModelRoute } from './scoring.routes.ts';

export const handler = httpHandler(putScoringModelRoute, async ({ principal, body }) =>
  ok({ effective: await scoringModels().models.put(principal.workspaceId, body, new Date().toISOString()) }),
);
