import { readyMadeCatalogue } from '../../lib/journeys/ready-made/ready-made-catalogue.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { readyMadeDeps } from '../shared/journey-deps.ts';
import { listReadyMadeJourneysRoute } from './journey.routes.ts';

export const handler = httpHandler(listReadyMadeJourneysRoute, async ({ principal }) =>
  ok(await readyMadeCatalogue(principal.workspaceId, readyMadeDeps())),
);
