import { dryRunJourney } from '../../lib/journeys/dry-run-journey.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { dryRunDeps } from '../shared/journey-deps.ts';
import { dryRunJourneyRoute } from './journey.routes.ts';

export const handler = httpHandler(dryRunJourneyRoute, async ({ principal, body }) =>
  ok(await dryRunJourney(principal.workspaceId, body, dryRunDeps())),
);
