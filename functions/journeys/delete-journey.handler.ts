import { deleteJourney } from '../../lib/journeys/manage-journeys.ts';
import { httpHandler, noContent } from '../shared/http-handler.ts';
import { journeyDeps } from '../shared/journey-deps.ts';
import { deleteJourneyRoute } from './journey.routes.ts';

export const handler = httpHandler(deleteJourneyRoute, async ({ principal, params }) => {
  await deleteJourney(principal.workspaceId, params.journeyId, journeyDeps());
  return noContent();
});
