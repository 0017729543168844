import { previewSegment } from '../../lib/segments/manage-segments.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { previewSegmentRoute } from './segment.routes.ts';

export const handler = httpHandler(previewSegmentRoute, async ({ principal, body }) =>
  ok(await previewSegment(principal.workspaceId, body.condition, segmentDeps())),
);
