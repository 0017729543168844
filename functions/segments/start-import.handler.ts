import { importView, startImport } from '../../lib/segments/import-list.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { segmentDeps } from '../shared/segment-deps.ts';
import { startImportRoute } from './segment.routes.ts';

export const handler = httpHandler(startImportRoute, async ({ principal, params, rawBody }) => ({
  status: 202,
  body: importView(await startImport(principal.workspaceId, params.segmentId, rawBody, segmentDeps())),
}));
