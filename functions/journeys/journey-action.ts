/** The handler of a journey action route (start, pause, archive): the journey moved, as the API shows it. */
import { journeyView } from '../../lib/journeys/journey.schema.ts';
import { type JourneyAction, moveJourney } from '../../lib/journeys/manage-journeys.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { journeyDeps } from '../shared/journey-deps.ts';
import type { startJourneyRoute } from './journey.routes.ts';

export const journeyActionHandler = (route: typeof startJourneyRoute, action: JourneyAction) =>
  httpHandler(route, async ({ principal, params }) => {
    const { journey, version } = await moveJourney(
      principal.workspaceId,
      params.journeyId,
      action,
      journeyDeps(),
    );
    return ok(journeyView(journey, version));
  });
