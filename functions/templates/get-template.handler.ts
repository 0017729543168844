import { getTemplateVersion } from '../../lib/templates/manage-templates.ts';
import { templateVersionView } from '../../lib/templates/template.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { templateDeps } from '../shared/template-deps.ts';
import { getTemplateRoute } from './template.routes.ts';

export const handler = httpHandler(getTemplateRoute, async ({ principal, params, query }) =>
  ok(
    templateVersionView(
      await getTemplateVersion(principal.workspaceId, params.templateId, query.version, templateDeps()),
    ),
  ),
);
