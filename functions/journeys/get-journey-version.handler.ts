import { getJourneyVersion } from '../../lib/journeys/manage-journeys.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { journeyDeps } from '../shared/journey-deps.ts';
import { getJourneyVersionRoute } from './journey.routes.ts';

export const handler = httpHandler(getJourneyVersionRoute, async ({ principal, params }) => {
  const v = await getJourneyVersion(principal.workspaceId, params.journeyId, params.version, journeyDeps());
  return ok({ journeyId: v.journeyId, version: v.version, createdAt: v.createdAt, definition: v.definition });
});
