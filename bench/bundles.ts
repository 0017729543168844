/**
 * Bundle every function of the catalogue the way CDK does (infra/bundling.ts: esbuild, ESM, minified,
 * node24, the AWS SDK left to the runtime) and measure its size and its import time against an empty
 * module, in fresh Node processes, as Lambda's init does. The bundles are written inside the project
 * (`.bench/bundles`), so the SDK they leave external resolves from node_modules, as it resolves from the
 * runtime in Lambda.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { bundleOptions } from '../infra/bundling.ts';
import { functions } from '../infra/catalogue/functions.ts';

/** The hot paths held to the cold-start budget (BRIEF: ≤ 350 KB, ≤ 60 ms above an empty module). */
export const HOT_PATHS: readonly string[] = ['track', 'receive-webhook', 'send-email'];
export const BUDGET = { bytes: 350 * 1024, importMs: 60 } as const;

export interface BundleFigure {
  readonly name: string;
  readonly bytes: number;
  readonly importMs: number;
  /** CPU time of that import (user + system): what a loaded machine distorts least. */
  readonly importCpuMs: number;
  /** Import time of just the SDK packages the bundle leaves external: what the runtime's SDK costs it. */
  readonly sdkImportMs: number;
  readonly sdkImportCpuMs: number;
  readonly sdkPackages: readonly string[];
  /** The heaviest packages (or project folders) in the bundle, KB. */
  readonly heaviest: readonly (readonly [string, number])[];
}

const root = fileURLToPath(new URL('../', import.meta.url));

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Median wall and CPU milliseconds of importing `file` in a fresh process. */
const importTimes = (file: string, runs: number): { wall: number; cpu: number } => {
  const script =
    'const c=process.cpuUsage();const t=performance.now();' +
    `await import(${JSON.stringify(file)});` +
    'const u=process.cpuUsage(c);console.log(performance.now()-t,(u.user+u.system)/1000)';
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', TZ: 'UTC' },
    });
    const [w, c] = out.toString().trim().split(' ').map(Number);
    wall.push(w ?? Number.NaN);
    cpu.push(c ?? Number.NaN);
  }
  return { wall: median(wall), cpu: median(cpu) };
};

/** Bytes in the output per npm package (or per `lib/<folder>` for the project's own code). */
export const weights = (metafile: Metafile): [string, number][] => {
  const by = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const inModules = file.split('node_modules/').at(-1) ?? file;
      const parts = inModules.split('/');
      const key = file.includes('node_modules/')
        ? parts.slice(0, inModules.startsWith('@') ? 2 : 1).join('/')
        : parts.slice(0, 2).join('/');
      by.set(key, (by.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return [...by].sort((a, b) => b[1] - a[1]);
};

/** The packages a bundle imports at run time (the SDK), without Node's built-ins. */
export const externalPackages = (metafile: Metafile): string[] => [
  ...new Set(
    Object.values(metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path),
    ),
  ),
];

/** Bundles one function into `dir`; returns the file and its metafile. */
export const bundle = async (name: string, dir: string) => {
  const fn = functions.find((f) => f.name === name);
  if (!fn) throw new Error(`no function ${name} in the catalogue`);
  const outfile = join(dir, `${fn.name}.mjs`);
  const result = await build(bundleOptions(join(root, fn.entry), outfile));
  if (!result.metafile) throw new Error('esbuild returned no metafile');
  return { outfile, metafile: result.metafile };
};

export const measureBundles = async (
  runs = 5,
  names: readonly string[] = functions.map((f) => f.name),
): Promise<{ emptyMs: number; emptyCpuMs: number; figures: BundleFigure[] }> => {
  const dir = join(root, '.bench', 'bundles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export const handler = async () => {};\n');
  const figures: BundleFigure[] = [];
  for (const name of names) {
    const { outfile, metafile } = await bundle(name, dir);
    const sdkPackages = externalPackages(metafile);
    const sdkOnly = join(dir, `${name}.sdk.mjs`);
    writeFileSync(sdkOnly, sdkPackages.map((p) => `import ${JSON.stringify(p)};\n`).join(''));
    const whole = importTimes(outfile, runs);
    const sdk = importTimes(sdkOnly, runs);
    figures.push({
      name,
      bytes: statSync(outfile).size,
      importMs: whole.wall,
      importCpuMs: whole.cpu,
      sdkImportMs: sdk.wall,
      sdkImportCpuMs: sdk.cpu,
      sdkPackages,
      heaviest: weights(metafile)
        .slice(0, 3)
        .map(([k, v]) => [k, Math.round(v / 1024)] as const),
    });
  }
  const nothing = importTimes(empty, runs);
  return { emptyMs: nothing.wall, emptyCpuMs: nothing.cpu, figures };
};
