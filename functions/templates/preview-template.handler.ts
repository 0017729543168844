import { previewTemplate } from '../../lib/templates/preview-template.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { previewDeps } from '../shared/template-preview-deps.ts';
import { previewTemplateRoute } from './template.routes.ts';

export const handler = httpHandler(previewTemplateRoute, async ({ principal, params, body }) =>
  ok(await previewTemplate(principal.workspaceId, params.templateId, body, previewDeps())),
);
