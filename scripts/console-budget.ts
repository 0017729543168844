/**
 * Measures the console's first page: the entry chunk and every chunk it imports statically
 * (transitively), gzipped, from the Vite manifest of a build (console/dist). Lazily loaded pages and
 * catalogues are not counted: the browser fetches them only when needed. Prints the figure and
 * exits non-zero above the budget. Usage: `npm run build:console && npm run console:budget`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as z from 'zod';

export const CONSOLE_DIST = fileURLToPath(new URL('../console/dist', import.meta.url));
/** The first page's JavaScript may weigh at most this much, gzipped (issue 12). */
export const BUDGET_BYTES = 200 * 1024;

const Manifest = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
  }),
);

export interface FirstPageWeight {
  readonly files: readonly string[];
  readonly gzipBytes: number;
  readonly rawBytes: number;
}

export const firstPageWeight = (dist = CONSOLE_DIST): FirstPageWeight => {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')));
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const files = [...seen].flatMap((key) => {
    const file = manifest[key]?.file;
    return file?.endsWith('.js') ? [file] : [];
  });
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(dist, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const weight = firstPageWeight();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `console first page: ${kb(weight.gzipBytes)} gzipped (${kb(weight.rawBytes)} raw) in ${weight.files.length} chunks; budget ${kb(BUDGET_BYTES)}`,
  );
  for (const file of weight.files) console.log(`  ${file}`);
  if (weight.gzipBytes > BUDGET_BYTES) process.exitCode = 1;
}
