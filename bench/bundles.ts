/**
 * Bundle every function of the catalogue the way CDK does (esbuild, ESM, minified, node24) and
 * measure its size and its import time against an empty module, in fresh Node processes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { functions } from '../infra/catalogue/functions.ts';

export interface BundleFigure {
  readonly name: string;
  readonly bytes: number;
  readonly importMs: number;
}

const importMs = (file: string, runs: number): number => {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1' },
    });
    times.push(Number(out.toString().trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
};

export const measureBundles = async (runs = 5): Promise<{ emptyMs: number; figures: BundleFigure[] }> => {
  const dir = mkdtempSync(join(tmpdir(), 'ecrm-bundles-'));
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export const handler = async () => {};\n');
  const figures: BundleFigure[] = [];
  for (const fn of functions) {
    const outfile = join(dir, `${fn.name}.mjs`);
    await build({
      entryPoints: [fn.entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      minify: true,
      mainFields: ['module', 'main'],
      banner: {
        js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'silent',
    });
    figures.push({ name: fn.name, bytes: statSync(outfile).size, importMs: importMs(outfile, runs) });
  }
  return { emptyMs: importMs(empty, runs), figures };
};
