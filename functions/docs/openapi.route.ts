import * as z from 'zod';
import { defineRoute } from '../../lib/shared/http/route.ts';

export const openApiRoute = defineRoute({
  operationId: 'openApi',
  method: 'GET',
  path: '/v1/openapi.json',
  scope: 'public',
  tag: 'docs',
  summary: 'This API reference as an OpenAPI 3.1 document.',
  responses: {
    200: {
      description: 'the document',
      schema: z.looseObject({
        openapi: z.string(),
        info: z.looseObject({ title: z.string(), version: z.string() }),
        paths: z.record(z.string(), z.record(z.string(), z.unknown())),
      }),
    },
  },
});
