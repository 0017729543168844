/**
 * The bundles CDK ships (infra/bundling.ts): the hot paths stay inside the cold-start budget's size, the
 * AWS SDK is left to the runtime, and nothing the project only develops with is shipped.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUDGET, bundle, externalPackages, HOT_PATHS } from '../../bench/bundles.ts';
import { bundleOptions } from '../../infra/bundling.ts';
import { functions } from '../../infra/catalogue/functions.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecrm-bundles-test-'));

describe('function bundles', () => {
  it.each(HOT_PATHS)(
    '%s weighs at most 350 KB and leaves the AWS SDK clients to the runtime',
    async (name) => {
      const { outfile, metafile } = await bundle(name, dir);
      expect(readFileSync(outfile).length).toBeLessThanOrEqual(BUDGET.bytes);
      const inputs = Object.keys(metafile.inputs);
      // Only the marshalling of the project's own DynamoDB client is bundled from the SDK.
      expect(
        inputs.filter((f) => f.includes('node_modules/@aws-sdk/') && !f.includes('@aws-sdk/util-dynamodb/')),
      ).toEqual([]);
      expect(externalPackages(metafile).every((p) => p.startsWith('@aws-sdk/client-'))).toBe(true);
      // No function reaches DynamoDB through the SDK: its client is the cold start's heaviest import.
      expect(externalPackages(metafile)).not.toContain('@aws-sdk/client-dynamodb');
      // One zod locale (English), not all of them: the namespace is imported so that it tree-shakes.
      const shipped = Object.values(metafile.outputs).flatMap((o) =>
        Object.entries(o.inputs)
          .filter(([, i]) => i.bytesInOutput > 0)
          .map(([f]) => f),
      );
      expect(shipped.filter((f) => f.includes('zod/v4/locales/')).length).toBeLessThanOrEqual(1);
    },
  );

  it('keep MJML and the HTML-to-text converter off the send path (compiled at save, never per recipient)', async () => {
    const { metafile } = await bundle('send-email', dir);
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.filter((f) => /node_modules\/(mjml|html-to-text|html-minifier|juice)/.test(f))).toEqual([]);
  });

  it('give the send path a Liquid engine that cannot reach the file system (the browser build, no fs/path)', async () => {
    const { metafile } = await bundle('send-email', dir);
    const builtins = Object.values(metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path.replace(/^node:/, '')),
    );
    expect(builtins).not.toContain('fs');
    expect(builtins).not.toContain('path');
    expect(Object.keys(metafile.inputs).filter((f) => f.includes('liquidjs/dist/'))).toEqual([
      'node_modules/liquidjs/dist/liquid.browser.mjs',
    ]);
  });

  it('ship no devDependency: every package a function needs is a runtime dependency', async () => {
    const pkg: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
    const dev = Object.keys(
      (typeof pkg === 'object' && pkg !== null && Reflect.get(pkg, 'devDependencies')) || {},
    );
    const result = await build({
      ...bundleOptions('', join(dir, 'unused.mjs')),
      entryPoints: functions.map((f) => f.entry),
      outfile: undefined,
      outdir: join(dir, 'all'),
      write: false,
    });
    const used = new Set(
      [
        ...Object.keys(result.metafile?.inputs ?? {}),
        ...externalPackages(result.metafile ?? { inputs: {}, outputs: {} }),
      ].map((f) => {
        const path = f.split('node_modules/').at(-1) ?? f;
        return path
          .split('/')
          .slice(0, path.startsWith('@') ? 2 : 1)
          .join('/');
      }),
    );
    expect(dev.filter((d) => used.has(d) && d !== '@types/aws-lambda')).toEqual([]);
  });
});
