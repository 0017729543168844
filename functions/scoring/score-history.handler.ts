import { readScoreHistory } from '../../lib/scoring/score-history.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { scoringDeps } from '../shared/scoring-deps.ts';
import { scoreHistoryRoute } from './scoring.routes.ts';

export const handler = httpHandler(scoreHistoryRoute, async ({ principal, params, query }) =>
  ok(await readScoreHistory(principal.workspaceId, params.contactId, query, scoringDeps())),
);
