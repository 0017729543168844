import { ingestEvents } from '../../lib/events/ingest-events.ts';
import { ingestDeps } from '../shared/deps.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { trackRoute } from './track.routes.ts';

export const handler = httpHandler(trackRoute, async ({ principal, body }) => {
  return { status: 202, body: await ingestEvents(principal.workspaceId, body, ingestDeps()) };
});
