import { openApiDocument } from '../../lib/shared/http/openapi.ts';
import { allRoutes } from '../routes.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { openApiRoute } from './openapi.route.ts';

let document: unknown;

export const handler = httpHandler(openApiRoute, async () => {
  document ??= openApiDocument(allRoutes, { version: '1' });
  return ok(document);
});
