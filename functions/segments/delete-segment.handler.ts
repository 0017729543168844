import { deleteSegment } from '../../lib/segments/manage-segments.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { deleteSegmentRoute } from './segment.routes.ts';

export const handler = httpHandler(deleteSegmentRoute, async ({ principal, params }) => {
  await deleteSegment(principal.workspaceId, params.segmentId, segmentDeps());
  return { status: 202, body: { deleting: params.segmentId } };
});
