import { changeStaticMembers } from '../../lib/segments/manage-segments.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { changeMembersRoute } from './segment.routes.ts';

export const handler = httpHandler(changeMembersRoute, async ({ principal, params, body }) =>
  ok(await changeStaticMembers(principal.workspaceId, params.segmentId, body, segmentDeps())),
);
