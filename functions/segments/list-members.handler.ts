import { listMembers } from '../../lib/segments/manage-segments.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { listMembersRoute } from './segment.routes.ts';

export const handler = httpHandler(listMembersRoute, async ({ principal, params, query }) =>
  ok(await listMembers(principal.workspaceId, params.segmentId, query, segmentDeps())),
);
