import { deleteTemplate } from '../../lib/templates/manage-templates.ts';
import { httpHandler, noContent } from '../shared/http-handler.ts';
import { templateDeps } from '../shared/template-deps.ts';
import { deleteTemplateRoute } from './template.routes.ts';

export const handler = httpHandler(deleteTemplateRoute, async ({ principal, params }) => {
  await deleteTemplate(principal.workspaceId, params.templateId, templateDeps());
  return noContent();
});
