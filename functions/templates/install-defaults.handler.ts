import { installDefaults } from '../../lib/templates/install-defaults.ts';
import { mjmlCompiler } from '../../lib/templates/mjml-compiler.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { templateDeps } from '../shared/template-deps.ts';
import { installDefaultsRoute } from './template.routes.ts';

export const handler = httpHandler(installDefaultsRoute, async ({ principal, body }) =>
  ok(await installDefaults(principal.workspaceId, body, { ...templateDeps(), compiler: mjmlCompiler })),
);
