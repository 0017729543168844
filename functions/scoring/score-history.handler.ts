import { scoreHistory } from '../../lib/scoring/score-contact.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { scoringDeps } from '../shared/scoring-deps.ts';
import { scoreHistoryRoute } from './scoring.routes.ts';

export const handler = httpHandler(scoreHistoryRoute, async ({ principal, params, query }) =>
  ok({ entries: await scoreHistory(principal.workspaceId, params.contactId, query.limit, scoringDeps()) }),
);
