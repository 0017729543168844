import { journeyView } from '../../lib/journeys/journey.schema.ts';
import { updateJourney } from '../../lib/journeys/manage-journeys.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { journeyDeps } from '../shared/journey-deps.ts';
import { updateJourneyRoute } from './journey.routes.ts';

export const handler = httpHandler(updateJourneyRoute, async ({ principal, params, body }) => {
  const { journey, version } = await updateJourney(
    principal.workspaceId,
    params.journeyId,
    body,
    journeyDeps(),
  );
  return ok(journeyView(journey, version));
});
