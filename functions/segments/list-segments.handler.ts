import { segmentView } from '../../lib/segments/segment.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { listSegmentsRoute } from './segment.routes.ts';

export const handler = httpHandler(listSegmentsRoute, async ({ principal }) =>
  ok({ segments: (await segmentDeps().segments.list(principal.workspaceId)).map(segmentView) }),
);
