/**
 * `npm run build`: bundles every function of the catalogue into `dist/<name>/index.mjs` exactly as the
 * CDK app does (infra/bundling.ts), with esbuild's metafile beside it (`meta.json`, to see what weighs),
 * and prints each bundle's size. `cdk deploy` bundles by itself; this is for inspecting and measuring.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../infra/bundling.ts';
import { functions } from '../infra/catalogue/functions.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
for (const fn of functions) {
  const dir = join(dist, fn.name);
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'index.mjs');
  const result = await build(bundleOptions(join(root, fn.entry), outfile));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(result.metafile));
  console.log(`${fn.name.padEnd(28)} ${(statSync(outfile).size / 1024).toFixed(0).padStart(5)} KB`);
}
console.log(`\n${functions.length} functions bundled into dist/`);
