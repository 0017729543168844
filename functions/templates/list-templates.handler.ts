import { templateView } from '../../lib/templates/template.schema.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { templateDeps } from '../shared/template-deps.ts';
import { listTemplatesRoute } from './template.routes.ts';

export const handler = httpHandler(listTemplatesRoute, async ({ principal }) =>
  ok({ templates: (await templateDeps().templates.list(principal.workspaceId)).map(templateView) }),
);
