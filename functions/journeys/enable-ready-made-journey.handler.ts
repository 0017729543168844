import { journeyView } from '../../lib/journeys/journey.schema.ts';
import { enableReadyMade } from '../../lib/journeys/ready-made/enable-ready-made.ts';
import { mjmlCompiler } from '../../lib/templates/mjml-compiler.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { readyMadeDeps } from '../shared/journey-deps.ts';
import { enableReadyMadeJourneyRoute } from './journey.routes.ts';

export const handler = httpHandler(enableReadyMadeJourneyRoute, async ({ principal, params, body }) => {
  const { journey, version, created } = await enableReadyMade(principal.workspaceId, params.name, body, {
    ...readyMadeDeps(),
    compiler: mjmlCompiler,
  });
  return { status: created ? 201 : 200, body: journeyView(journey, version) };
});
