import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../functions/routes.ts';
import { openApiDocument } from '../../lib/shared/http/openapi.ts';

describe('subscription routes in the OpenAPI document', () => {
  const doc = openApiDocument(allRoutes, { version: 'test' });

  it('documents the one-click POST as a public form taking urlencoded or multipart, answering a page', () => {
    const op = JSON.parse(JSON.stringify(doc.paths['/u/{token}']?.post));
    expect(op.security).toEqual([]);
    expect(Object.keys(op.requestBody.content).sort()).toEqual([
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]);
    expect(JSON.stringify(op.requestBody)).toContain('One-Click');
    expect(op.responses['200'].content).toEqual({ 'text/html': { schema: { type: 'string' } } });
    expect(op.responses['404'].content).toHaveProperty('text/html');
  });

  it('documents the pages as HTML, the settings and topic routes as JSON', () => {
    expect(doc.paths['/u/{token}']?.get).toMatchObject({ 'x-ecrm-scope': 'public' });
    expect(JSON.stringify(doc.paths['/c/{token}'])).toContain('text/html');
    expect(JSON.stringify(doc.paths['/v1/workspace/email-settings']?.put)).toContain('postalAddress');
    expect(JSON.stringify(doc.paths['/v1/contacts/{contactId}/topics/{topicId}'])).toContain(
      'application/json',
    );
    expect(JSON.stringify(doc.paths['/v1/contacts/{contactId}']?.get)).toContain('"topics"');
  });
});
