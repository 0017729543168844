import { getImport, importView } from '../../lib/segments/import-list.ts';
import { NotFoundError } from '../../lib/shared/errors.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { getImportRoute } from './segment.routes.ts';

export const handler = httpHandler(getImportRoute, async ({ principal, params }) => {
  const job = await getImport(principal.workspaceId, params.importId, segmentDeps());
  if (!job || job.segmentId !== params.segmentId) throw new NotFoundError(`no import ${params.importId}`);
  return ok(importView(job));
});
