import { journeyView } from '../../lib/journeys/journey.schema.ts';
import { getJourney } from '../../lib/journeys/manage-journeys.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { journeyDeps } from '../shared/journey-deps.ts';
import { getJourneyRoute } from './journey.routes.ts';

export const handler = httpHandler(getJourneyRoute, async ({ principal, params }) => {
  const { journey, version } = await getJourney(principal.workspaceId, params.journeyId, journeyDeps());
  return ok(journeyView(journey, version));
});
