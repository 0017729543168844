import { httpHandler, ok } from '../shared/http-handler.ts';
import { scoringModels } from '../shared/scoring-deps.ts';
import { getScoringModelRoute } from './scoring.routes.ts';

export const handler = httpHandler(getScoringModelRoute, async ({ principal }) => {
  const { models } = scoringModels();
  const document = await models.getDocument(principal.workspaceId);
  return ok({ model: document ?? null, effective: await models.get(principal.workspaceId) });
});
