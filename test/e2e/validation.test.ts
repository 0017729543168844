/**
 * Every 422 names the field: the catalogue's routes are walked with bodies that are wrong field by
 * field (types swapped, unknown fields, nothing at all), and each 422 must name a field path, never
 * the whole body. Plus the track API's own cases: a bad name, an oversized batch, an error inside one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { allRoutes } from '../../functions/routes.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import type { RouteSpec } from '../../lib/shared/http/route.ts';
import { type Client, client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let admin: string;

/** Well-formed values for path parameters, so that only the body is wrong. */
const PARAMS: Record<string, string> = {
  contactId: `c_${'0'.repeat(26)}`,
  segmentId: `sg_${'0'.repeat(26)}`,
  connectionId: `cn_${'0'.repeat(26)}`,
  keyId: `k_${'0'.repeat(26)}`,
  importId: `imp_${'0'.repeat(26)}`,
  exportId: `exp_${'0'.repeat(26)}`,
  campaignId: `cmp_${'0'.repeat(20)}`,
  journeyId: `jrn_${'0'.repeat(26)}`,
  endpointId: `whe_${'0'.repeat(26)}`,
  deliveryId: `ev_${'0'.repeat(26)}`,
  channel: 'email',
  domain: 'brand.example',
  name: 'lead-nurture',
  userId: '00000000-0000-4000-8000-000000000000',
};

const pathOf = (spec: RouteSpec) => spec.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? 'x');

/** A property's JSON type; for a nullable one (`anyOf` with null), the type besides null. */
const typeOf = (property: object): unknown => {
  const type: unknown = Reflect.get(property, 'type');
  if (type !== undefined) return type;
  const branches: unknown = Reflect.get(property, 'anyOf');
  if (!Array.isArray(branches)) return undefined;
  return branches
    .map((b: unknown) => (typeof b === 'object' && b !== null ? Reflect.get(b, 'type') : undefined))
    .find((t) => t !== undefined && t !== 'null');
};

/** Top-level properties of a body schema, through unions, with the JSON type each expects. */
const propertiesOf = (schema: Record<string, unknown>): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const props = Reflect.get(node, 'properties');
    if (typeof props === 'object' && props !== null)
      for (const [k, v] of Object.entries(props))
        if (!out.has(k)) out.set(k, typeof v === 'object' && v !== null ? typeOf(v) : undefined);
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      for (const branch of [Reflect.get(node, key)].flat()) visit(branch);
  };
  visit(schema);
  return out;
};

const wrongValueFor = (type: unknown) => (type === 'string' ? 12345 : 'not-this-type');

const jsonRoutes = allRoutes.filter((r) => r.body && !r.rawBody && r.bodyEncoding !== 'form');
/** Routes that take an HTML form (the public pages): their 422s name the form field too. */
const formRoutes = allRoutes.filter((r) => r.body && r.bodyEncoding === 'form');

const namesAField = (issues: unknown) =>
  Array.isArray(issues) &&
  issues.length > 0 &&
  issues.every((i) => typeof field(i, 'path') === 'string' && field(i, 'path') !== '(body)');

beforeAll(async () => {
  stack = await startStack();
  admin = (await workspaceWithKeys(stack)).admin;
  api = client(stack, admin);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('every 422 names the field', () => {
  it('walks routes that take a JSON body', () => {
    expect(jsonRoutes.length).toBeGreaterThan(10);
  });

  for (const spec of jsonRoutes) {
    it(`${spec.operationId}: each wrong field, an unknown field and an empty body are named`, async () => {
      const body = spec.body ?? z.never();
      const props = propertiesOf(z.toJSONSchema(body, { io: 'input', unrepresentable: 'any' }));
      expect(props.size, 'a JSON body schema with properties').toBeGreaterThan(0);
      for (const [name, type] of props) {
        const res = await api.call(spec.method, pathOf(spec), { [name]: wrongValueFor(type) });
        expect(res.status, `${spec.operationId} ${name}`).toBe(422);
        const issues = field(res.body, 'error', 'issues');
        expect(namesAField(issues), `${spec.operationId} ${name}: ${JSON.stringify(issues)}`).toBe(true);
        expect(
          JSON.stringify(issues),
          `${spec.operationId}: the wrong field ${name} is among the issues`,
        ).toMatch(new RegExp(`"path":"${name}[".[]`));
      }
      const unknown = await api.call(spec.method, pathOf(spec), { notAField: 1 });
      expect(unknown.status).toBe(422);
      expect(namesAField(field(unknown.body, 'error', 'issues')), JSON.stringify(unknown.body)).toBe(true);
      const empty = await api.call(spec.method, pathOf(spec), {});
      if (empty.status === 422)
        expect(namesAField(field(empty.body, 'error', 'issues')), JSON.stringify(empty.body)).toBe(true);
    });
  }
});

describe('a query string that is wrong is a 422 naming its field', () => {
  it('searchContacts: q is required, 1 to 100 characters once trimmed, with something to search for', async () => {
    const cases: [string, string][] = [
      ['', 'q'],
      ['q=', 'q'],
      ['q=%20%20%20', 'q'],
      [`q=${'a'.repeat(101)}`, 'q'],
      ['q=%20-%20', 'q'],
      ['q=ana&limit=0', 'limit'],
      ['q=ana&limit=101', 'limit'],
      ['q=ana&unknown=1', 'unknown'],
    ];
    for (const [query, path] of cases) {
      const res = await api.get(`/v1/contacts/search?${query}`);
      expect(res.status, query).toBe(422);
      expect(field(res.body, 'error', 'code')).toBe('validation_failed');
      // The schema names query fields `query.<name>`; the use case's own check names `q`, as a cursor's does.
      expect(JSON.stringify(field(res.body, 'error', 'issues')), query).toMatch(
        new RegExp(`"path":"(query\\.)?${path}"`),
      );
    }
    // Surrounding spaces do not count towards the 100.
    expect((await api.get(`/v1/contacts/search?q=%20${'a'.repeat(100)}%20`)).status).toBe(200);
  });
});

describe('every 422 of a form names the field', () => {
  for (const spec of formRoutes) {
    it(`${spec.operationId}: a wrong value and an empty form are named; JSON is refused as not a form`, async () => {
      const props = propertiesOf(
        z.toJSONSchema(spec.body ?? z.never(), { io: 'input', unrepresentable: 'any' }),
      );
      expect(props.size).toBeGreaterThan(0);
      const post = (body: string, type = 'application/x-www-form-urlencoded') =>
        fetch(`${stack.apiUrl}${pathOf(spec)}`, {
          method: spec.method,
          headers: { 'content-type': type },
          body,
        });
      for (const name of props.keys()) {
        const res = await post(new URLSearchParams({ [name]: 'not-this-value' }).toString());
        expect(res.status, `${spec.operationId} ${name}`).toBe(422);
        const issues = field(await res.json(), 'error', 'issues');
        expect(namesAField(issues), `${spec.operationId} ${name}: ${JSON.stringify(issues)}`).toBe(true);
      }
      const empty = await post('');
      expect(empty.status).toBe(422);
      expect(namesAField(field(await empty.json(), 'error', 'issues'))).toBe(true);
      const json = await post('{"action":"x"}', 'application/json');
      expect(json.status).toBe(422);
      expect(field(await json.json(), 'error', 'message')).toContain('takes a form');
    });
  }
});

describe('track validation', () => {
  const event = (n: number) => ({ name: 'page_viewed', anonymousId: `v-${n}` });

  it('names `name` when it is not a string', async () => {
    const res = await api.post('/v1/track', { name: 12345, anonymousId: 'v-1' });
    expect(res.status).toBe(422);
    expect(field(res.body, 'error', 'issues')).toEqual([
      { path: 'name', message: expect.stringContaining('expected string') },
    ]);
    expect(field(res.body, 'error', 'message')).toContain('invalid name');
  });

  it('names `batch` with a clear message for 101 events', async () => {
    const res = await api.post('/v1/track', { batch: Array.from({ length: 101 }, (_, n) => event(n)) });
    expect(res.status).toBe(422);
    expect(field(res.body, 'error', 'issues')).toEqual([
      { path: 'batch', message: 'a batch holds at most 100 events: send the rest in another request' },
    ]);
  });

  it('names the event and field inside a batch: batch[3].name', async () => {
    const batch = [event(0), event(1), event(2), { name: 7, anonymousId: 'v-3' }];
    const res = await api.post('/v1/track', { batch });
    expect(res.status).toBe(422);
    expect(field(res.body, 'error', 'issues', 0, 'path')).toBe('batch[3].name');
  });
});

describe('hostile values: refused by name, or stored exactly as sent', () => {
  it('a number the table cannot keep is a 422 naming it, in a contact, a batch or a condition', async () => {
    const contact = await api.post('/v1/contacts', { email: 'big@example.com', attributes: { big: 1e300 } });
    expect(contact.status).toBe(422);
    expect(field(contact.body, 'error', 'issues', 0, 'path')).toBe('attributes.big');
    const batch = await api.post('/v1/track', {
      batch: [{ name: 'viewed', anonymousId: 'v-big', properties: { a: { b: [1, 2 ** 60] } } }],
    });
    expect(batch.status).toBe(422);
    expect(field(batch.body, 'error', 'issues', 0, 'path')).toBe('batch[0].properties.a.b[1]');
    const segment = await api.post('/v1/segments', {
      name: 'Big',
      kind: 'dynamic',
      condition: { type: 'attribute', field: 'attributes.n', op: 'gt', value: 1e300 },
    });
    expect(segment.status).toBe(422);
    expect(field(segment.body, 'error', 'issues', 0, 'path')).toBe('condition.value');
  });

  it('keys named constructor are stored and read back as sent', async () => {
    const made = await api.post('/v1/contacts', {
      email: 'ctor@example.com',
      attributes: { constructor: 'Acme builders' },
    });
    expect(made.status).toBe(201);
    const id = String(field(made.body, 'contact', 'id'));
    const properties = {
      constructor: { name: 'String' },
      length: 3,
      flag: { constructor: { name: 'Boolean' } },
    };
    const tracked = await api.post('/v1/track', {
      id: 'ev-ctor',
      name: 'viewed',
      email: 'ctor@example.com',
      properties,
    });
    expect(tracked.status).toBe(202);
    await stack.idle();
    expect(field((await api.get(`/v1/contacts/${id}`)).body, 'attributes')).toEqual({
      constructor: 'Acme builders',
    });
    const timeline = await api.get(`/v1/contacts/${id}/timeline`);
    expect(field(timeline.body, 'entries', 0, 'properties')).toEqual(properties);
  });

  it('a JSON route refuses a body declared as a form or XML, naming the body', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'application/xml']) {
      const res = await fetch(`${stack.apiUrl}/v1/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': type },
        body: JSON.stringify({ email: 'typed@example.com' }),
      });
      expect(res.status, type).toBe(422);
      expect(field(await res.json(), 'error', 'issues', 0, 'path')).toBe('(body)');
    }
    expect((await api.get('/v1/contacts/lookup?email=typed@example.com')).status).toBe(404);
  });
});
