import { contactSegments } from '../../lib/segments/manage-segments.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { contactSegmentsRoute } from './segment.routes.ts';

export const handler = httpHandler(contactSegmentsRoute, async ({ principal, params }) =>
  ok({ segments: await contactSegments(principal.workspaceId, params.contactId, segmentDeps()) }),
);
