/**
 * The first page's JavaScript (entry chunk and its static imports) stays within 200 KB gzipped. The
 * test builds the console once (Vite, into console/dist) and measures it from the manifest.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_BYTES, firstPageWeight } from '../../scripts/console-budget.ts';

describe("the console's first page", () => {
  beforeAll(() => {
    // In a child process: under vitest NODE_ENV is `test`, which would bundle React's development build.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'console/vite.config.ts'],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: 'pipe',
      },
    );
  }, 120_000);

  it('weighs at most 200 KB of gzipped JavaScript, and pages load lazily', () => {
    const weight = firstPageWeight();
    console.log(`console first page: ${(weight.gzipBytes / 1024).toFixed(1)} KB gzipped`);
    expect(weight.files.length).toBeGreaterThan(0);
    expect(weight.gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(weight.files.some((f) => f.includes('contact-page'))).toBe(false);
  });
});
