import { NotFoundError } from '../../lib/shared/errors.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getWorkspaceRoute } from './workspace.routes.ts';

export const handler = httpHandler(getWorkspaceRoute, async ({ principal }) => {
  const workspace = await contactDeps().workspaces.get(principal.workspaceId);
  if (!workspace) throw new NotFoundError('no such workspace');
  const { type: _t, v: _v, ...view } = workspace;
  return ok(view);
});
