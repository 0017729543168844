/**
 * Checks a success response against its route's declared schema, strictly: the body must parse, and
 * hold no field the schema does not declare (zod strips undeclared keys, so whatever the parse
 * dropped is a field the documented representation does not have — a storage internal leaking).
 */
import type * as z from 'zod';
import { allRoutes } from '../../functions/routes.ts';
import type { RouteSpec } from '../../lib/shared/http/route.ts';

const matcher = (spec: RouteSpec) => {
  const segments = spec.path.split('/').filter(Boolean);
  const pattern = new RegExp(
    `^/${segments.map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`,
  );
  return { spec, pattern, params: segments.filter((s) => s.startsWith('{')).length };
};
const matchers = allRoutes.map(matcher).sort((a, b) => a.params - b.params);

export const routeFor = (method: string, path: string): RouteSpec | undefined =>
  matchers.find((m) => m.spec.method === method && m.pattern.test(path.split('?')[0] ?? ''))?.spec;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const undeclared = (input: unknown, output: unknown, path: string): string[] => {
  if (Array.isArray(input) && Array.isArray(output))
    return input.flatMap((v, i) => undeclared(v, output[i], `${path}[${i}]`));
  if (isObject(input) && isObject(output))
    return Object.entries(input).flatMap(([k, v]) => {
      const at = path ? `${path}.${k}` : k;
      return k in output ? undeclared(v, output[k], at) : [`${at} is not in the documented representation`];
    });
  return [];
};

/** What is wrong with a 2xx body for its route: nothing when it is exactly the documented representation. */
export const responseProblems = (spec: RouteSpec, status: number, body: unknown): string[] => {
  if (status < 200 || status >= 300 || status === 204) return [];
  if (spec.responses[status]?.contentType === 'text/html')
    return typeof body === 'string' && body.startsWith('<!doctype html>') ? [] : ['not an HTML page'];
  const schema: z.ZodType | undefined = spec.responses[status]?.schema;
  if (!schema) return [`${status} has no declared response schema`];
  const parsed = schema.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  return undeclared(body, parsed.data, '');
};
