import { createSegment } from '../../lib/segments/manage-segments.ts';
import { segmentView } from '../../lib/segments/segment.schema.ts';
import { created, httpHandler } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { createSegmentRoute } from './segment.routes.ts';

export const handler = httpHandler(createSegmentRoute, async ({ principal, body }) =>
  created(segmentView(await createSegment(principal.workspaceId, body, segmentDeps()))),
);
