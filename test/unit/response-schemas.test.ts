import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { allRoutes } from '../../functions/routes.ts';
import { openApiDocument } from '../../lib/shared/http/openapi.ts';
import { responseProblems } from '../support/response-check.ts';

describe('response representations', () => {
  it('every route declares a response schema for each success status (204 has no body)', () => {
    const missing = allRoutes.flatMap((r) =>
      Object.entries(r.responses)
        .filter(
          ([status, response]) =>
            Number(status) < 300 &&
            Number(status) !== 204 &&
            !response.schema &&
            response.contentType !== 'text/html',
        )
        .map(([status]) => `${r.method} ${r.path} ${status}`),
    );
    expect(missing).toEqual([]);
    expect(allRoutes.every((r) => Object.keys(r.responses).some((s) => Number(s) < 400))).toBe(true);
  });

  it('the OpenAPI document shows each success schema', () => {
    const doc = openApiDocument(allRoutes, { version: 'test' });
    for (const r of allRoutes) {
      const op: unknown = Reflect.get(doc.paths[r.path] ?? {}, r.method.toLowerCase());
      if (typeof op !== 'object' || op === null) throw new Error(`${r.operationId} not in the document`);
      for (const status of Object.keys(r.responses).filter((s) => Number(s) < 300 && s !== '204')) {
        const content = JSON.stringify(Reflect.get(Reflect.get(op, 'responses'), status));
        const type = r.responses[Number(status)]?.contentType ?? 'application/json';
        expect(content, `${r.operationId} ${status}`).toContain(type);
      }
    }
  });

  it('shows a contact as score and stage, never the scoring ledger', () => {
    const doc = JSON.stringify(
      openApiDocument(allRoutes, { version: 'test' }).paths['/v1/contacts/{contactId}'],
    );
    for (const internal of ['buckets', 'caps', 'held', '"rev"', '"_ev"']) expect(doc).not.toContain(internal);
  });

  it('finds a field the representation does not declare', () => {
    const route = allRoutes.find((r) => r.operationId === 'getContact');
    if (!route) throw new Error('no getContact route');
    const contact = {
      id: 'c_1',
      workspaceId: 'ws_x',
      attributes: {},
      tags: [],
      consent: {},
      anonymousIds: [],
      activity: { eventCount: 0, byName: {} },
      score: 0,
      stage: null,
      source: 'api',
      createdAt: 'x',
      updatedAt: 'x',
    };
    expect(responseProblems(route, 200, contact)).toEqual([]);
    expect(responseProblems(route, 200, { ...contact, rev: 3 }).join()).toContain('rev');
    const loose = z.object({ activity: z.object({ eventCount: z.number() }) });
    expect(
      responseProblems({ ...route, responses: { 200: { description: 'x', schema: loose } } }, 200, {
        activity: { eventCount: 0, secret: 1 },
      }),
    ).toEqual(['activity.secret is not in the documented representation']);
    expect(responseProblems(route, 200, { ...contact, score: { buckets: [] } })[0]).toContain('score');
  });
});
