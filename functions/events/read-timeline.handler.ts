import { readTimeline } from '../../lib/events/read-timeline.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { timelineDeps } from '../shared/timeline-deps.ts';
import { readTimelineRoute } from './event.routes.ts';

export const handler = httpHandler(readTimelineRoute, async ({ principal, params, query }) =>
  ok(await readTimeline(principal.workspaceId, params.contactId, query, timelineDeps())),
);
