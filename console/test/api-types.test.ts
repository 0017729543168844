/**
 * The committed API types (console/src/api/schema.gen.ts) are what the OpenAPI document generates
 * today: a changed route fails here until `npm run console:api-types` is run and the console compiles
 * against the new types.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/console-api-types.ts';

describe("the console's generated API types", () => {
  it('are up to date with the OpenAPI document (else run `npm run console:api-types`)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await generateApiTypes();
    expect(
      committed === fresh,
      'console/src/api/schema.gen.ts is stale: run `npm run console:api-types`',
    ).toBe(true);
  });
});
