import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../functions/routes.ts';
import { openApiDocument } from '../../lib/shared/http/openapi.ts';

describe('OpenAPI document', () => {
  const doc = openApiDocument(allRoutes, { version: 'test' });

  it('has every route with its method, scope and responses', () => {
    for (const route of allRoutes) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toMatchObject({
        operationId: route.operationId,
        'x-ecrm-scope': route.scope,
      });
    }
  });

  it('describes request bodies from the zod schemas, protected fields excluded', () => {
    const op = doc.paths['/v1/contacts']?.post;
    const body = JSON.stringify(op);
    expect(body).toContain('"email"');
    expect(body).toContain('"timezone"');
    expect(body).toContain('"additionalProperties":false');
    const props = JSON.stringify((op as { requestBody: unknown }).requestBody);
    expect(props).not.toContain('"consent"');
  });

  it('lists path parameters as required', () => {
    const op = doc.paths['/v1/contacts/{contactId}']?.get as {
      parameters: { name: string; in: string; required: boolean }[];
    };
    expect(op.parameters).toContainEqual(
      expect.objectContaining({ name: 'contactId', in: 'path', required: true }),
    );
  });
});
