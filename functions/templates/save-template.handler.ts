import { saveTemplate } from '../../lib/templates/manage-templates.ts';
import { mjmlCompiler } from '../../lib/templates/mjml-compiler.ts';
import { templateView } from '../../lib/templates/template.schema.ts';
import { created, httpHandler, ok } from '../shared/http-handler.ts';
import { templateDeps } from '../shared/template-deps.ts';
import { saveTemplateRoute } from './template.routes.ts';

export const handler = httpHandler(saveTemplateRoute, async ({ principal, params, body }) => {
  const saved = await saveTemplate(principal.workspaceId, params.templateId, body, {
    ...templateDeps(),
    compiler: mjmlCompiler,
  });
  return (saved.created ? created : ok)(templateView(saved.template));
});
