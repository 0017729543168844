/**
 * Generates the console's API types (console/src/api/schema.gen.ts) from the OpenAPI document the
 * API serves, with openapi-typescript, so the console is checked against the routes as they are. The
 * committed file is compared with a fresh generation by a unit test: a route change shows up as a
 * failing test until `npm run console:api-types` is run again.
 *
 * zod's JSON Schema puts recursive schemas (the condition language) in a local `$defs` with refs like
 * `#/$defs/__schema0`, which OpenAPI tools resolve against the document root. They are hoisted into
 * `components.schemas` under unique names first.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { allRoutes } from '../functions/routes.ts';
import { openApiDocument } from '../lib/shared/http/openapi.ts';

export const API_TYPES_FILE = fileURLToPath(new URL('../console/src/api/schema.gen.ts', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The recursive "any JSON value" (a union with an array of itself) cannot be a TypeScript type alias
 * (TS2502): it becomes `unknown`, which is what it means anyway.
 */
const isJsonValue = (def: Json, self: string): boolean =>
  isObject(def) &&
  Array.isArray(def.anyOf) &&
  def.anyOf.some((branch) => isObject(branch) && isObject(branch.items) && branch.items.$ref === self);

/** Moves every local `$defs` into `hoisted` and rewrites the refs of its subtree. */
const hoistDefs = (node: Json, hoisted: Record<string, Json>, renames: Record<string, string>): Json => {
  if (Array.isArray(node)) return node.map((item) => hoistDefs(item, hoisted, renames));
  if (!isObject(node)) return node;
  let scope = renames;
  const defs = node.$defs;
  if (isObject(defs)) {
    scope = { ...renames };
    for (const name of Object.keys(defs)) {
      const unique = `Def${Object.keys(hoisted).length + Object.keys(scope).length}`;
      scope[`#/$defs/${name}`] = `#/components/schemas/${unique}`;
    }
    for (const [name, def] of Object.entries(defs)) {
      const target = scope[`#/$defs/${name}`]?.split('/').pop() ?? name;
      hoisted[target] = isJsonValue(def, `#/$defs/${name}`) ? {} : hoistDefs(def, hoisted, scope);
    }
  }
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$defs') continue;
    out[key] =
      key === '$ref' && typeof value === 'string'
        ? (scope[value] ?? value)
        : hoistDefs(value, hoisted, scope);
  }
  return out;
};

/** The OpenAPI document with local `$defs` hoisted, as plain JSON. */
export const consoleOpenApiDocument = (): { [key: string]: Json } => {
  const document: Json = JSON.parse(JSON.stringify(openApiDocument(allRoutes, { version: '1' })));
  if (!isObject(document)) throw new Error('the OpenAPI document is not an object');
  const hoisted: Record<string, Json> = {};
  const rewritten = hoistDefs(document, hoisted, {});
  if (!isObject(rewritten)) throw new Error('the OpenAPI document is not an object');
  const components = isObject(rewritten.components) ? rewritten.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return { ...rewritten, components: { ...components, schemas: { ...schemas, ...hoisted } } };
};

const HEADER = `/**
 * The API's types, generated from its OpenAPI document by scripts/console-api-types.ts
 * (openapi-typescript). Do not edit: run \`npm run console:api-types\`.
 */
`;

export const generateApiTypes = async (): Promise<string> => {
  const ast = await openapiTS(JSON.stringify(consoleOpenApiDocument()), { silent: true });
  return `${HEADER}${astToString(ast)}`;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${API_TYPES_FILE}`);
}
