import { journeySummary } from '../../lib/journeys/journey.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { journeyDeps } from '../shared/journey-deps.ts';
import { listJourneysRoute } from './journey.routes.ts';

export const handler = httpHandler(listJourneysRoute, async ({ principal, query }) => {
  const page = await journeyDeps().journeys.list(principal.workspaceId, query);
  return ok({ journeys: page.journeys.map(journeySummary), ...(page.next ? { next: page.next } : {}) });
});
