/**
 * The first page's JavaScript (entry chunk and its static imports) stays within 200 KB gzipped. The
 * test builds the console once (Vite, into a directory of its own: console/dist is what the browser
 * tests are being served from at the same time) and measures it from the manifest.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_BYTES, firstPageWeight } from '../../scripts/console-budget.ts';

const outDir = mkdtempSync(join(tmpdir(), 'ecrm-console-budget-'));

describe("the console's first page", () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  beforeAll(() => {
    // In a child process: under vitest NODE_ENV is `test`, which would bundle React's development build.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    execFileSync(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--config',
        'console/vite.config.ts',
        '--outDir',
        outDir,
        '--emptyOutDir',
      ],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: 'pipe',
      },
    );
  }, 120_000);

  it('weighs at most 200 KB of gzipped JavaScript, and pages load lazily', () => {
    const weight = firstPageWeight(outDir);
    console.log(`console first page: ${(weight.gzipBytes / 1024).toFixed(1)} KB gzipped`);
    expect(weight.files.length).toBeGreaterThan(0);
    expect(weight.gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(weight.files.some((f) => f.includes('contact-page'))).toBe(false);
  });
});
