import { journeyView } from '../../lib/journeys/journey.schema.ts';
import { createJourney } from '../../lib/journeys/manage-journeys.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { journeyDeps } from '../shared/journey-deps.ts';
import { createJourneyRoute } from './journey.routes.ts';

export const handler = httpHandler(createJourneyRoute, async ({ principal, body }) => {
  const { journey, version } = await createJourney(principal.workspaceId, body, journeyDeps());
  return { status: 201, body: journeyView(journey, version) };
});
