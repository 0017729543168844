/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests, so the
 * reference cannot drift from the behaviour.
 */
import * as z from 'zod';
import type { RouteSpec } from './route.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};

const parameters = (spec: RouteSpec) => {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input');
    const props = typeof json.properties === 'object' && json.properties !== null ? json.properties : {};
    const required = Array.isArray(json.required) ? json.required : [];
    for (const [name, property] of Object.entries(props)) {
      out.push({ name, in: where, required: where === 'path' || required.includes(name), schema: property });
    }
  }
  return out;
};

export const openApiDocument = (
  routes: readonly RouteSpec[],
  info: { version: string; serverUrl?: string },
) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const operation: Record<string, unknown> = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: [spec.tag],
      security: spec.scope === 'public' ? [] : [{ apiKey: [] }, { session: [], workspace: [] }],
      'x-ecrm-scope': spec.scope,
      parameters: parameters(spec),
      responses: Object.fromEntries(
        Object.entries(spec.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.headers
              ? {
                  headers: Object.fromEntries(
                    Object.entries(r.headers).map(([name, description]) => [
                      name,
                      { description, schema: { type: 'string' } },
                    ]),
                  ),
                }
              : {}),
            ...(r.contentType === 'text/html'
              ? { content: { 'text/html': { schema: { type: 'string' } } } }
              : r.schema
                ? { content: { 'application/json': { schema: schemaOf(r.schema, 'output') } } }
                : {}),
          },
        ]),
      ),
    };
    if (spec.body) {
      const schema = schemaOf(spec.body, 'input');
      operation.requestBody = {
        required: true,
        content:
          spec.bodyEncoding === 'form'
            ? { 'application/x-www-form-urlencoded': { schema }, 'multipart/form-data': { schema } }
            : { 'application/json': { schema } },
      };
    }
    paths[spec.path] = { ...paths[spec.path], [spec.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ecrm API',
      version: info.version,
      description:
        'Serverless eCRM: contacts, events, consent. Authenticate with `Authorization: Bearer <API key>`. ' +
        'Every error has the shape `{error: {status, code, message, issues?: [{path, message}]}}`.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'ecrm.<workspace>.<key id>.<secret>' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'ecrm_session',
          description:
            'a signed-in person (the console): the session cookie set by /auth/callback, or `Authorization: Bearer <access token>`; with x-ecrm-workspace',
        },
        workspace: {
          type: 'apiKey',
          in: 'header',
          name: 'x-ecrm-workspace',
          description: "the workspace a signed-in person acts in; their role there gives the route's scope",
        },
      },
    },
    paths,
  };
};
