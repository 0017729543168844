import { NotFoundError } from '../../lib/shared/errors.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { exportsOnly } from '../shared/storefront-store-deps.ts';
import { getExportRoute } from './webhook.routes.ts';

export const handler = httpHandler(getExportRoute, async ({ principal, params }) => {
  const found = await exportsOnly().exports.get(principal.workspaceId, params.exportId);
  if (!found) throw new NotFoundError(`no export ${params.exportId}`);
  return ok(found);
});
