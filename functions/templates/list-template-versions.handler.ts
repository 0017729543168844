import { getLiveTemplate } from '../../lib/templates/manage-templates.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { templateDeps } from '../shared/template-deps.ts';
import { listTemplateVersionsRoute } from './template.routes.ts';

export const handler = httpHandler(listTemplateVersionsRoute, async ({ principal, params }) => {
  const deps = templateDeps();
  await getLiveTemplate(principal.workspaceId, params.templateId, deps);
  return ok({ versions: await deps.templates.listVersions(principal.workspaceId, params.templateId) });
});
