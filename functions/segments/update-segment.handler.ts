import { updateSegment } from '../../lib/segments/manage-segments.ts';
import { segmentView } from '../../lib/segments/segment.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { updateSegmentRoute } from './segment.routes.ts';

export const handler = httpHandler(updateSegmentRoute, async ({ principal, params, body }) =>
  ok(segmentView(await updateSegment(principal.workspaceId, params.segmentId, body, segmentDeps()))),
);
