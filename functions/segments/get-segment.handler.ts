import { getSegment } from '../../lib/segments/manage-segments.ts';
import { segmentView } from '../../lib/segments/segment.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { getSegmentRoute } from './segment.routes.ts';

export const handler = httpHandler(getSegmentRoute, async ({ principal, params }) => {
  const deps = segmentDeps();
  const segment = await getSegment(principal.workspaceId, params.segmentId, deps);
  const members = await deps.segments.count(principal.workspaceId, params.segmentId);
  return ok({ ...segmentView(segment), members });
});
