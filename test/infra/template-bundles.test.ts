/**
 * MJML (megabytes, ~0.5 s to import) and html-to-text run only when a template is saved: nothing that
 * renders for a recipient bundles them. Checked on the bundles as CDK builds them (infra/bundling.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../bench/bundles.ts';
import { bundleOptions } from '../../infra/bundling.ts';
import { functions } from '../../infra/catalogue/functions.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecrm-template-bundles-'));
const SAVE_ONLY = /node_modules\/(mjml[^/]*|html-to-text|juice|htmlnano|cheerio)\//;
const saveOnly = (metafile: Metafile) => Object.keys(metafile.inputs).filter((f) => SAVE_ONLY.test(f));

/** Every function that renders for a recipient: the preview, and the send path wherever it lives. */
const RENDERING = functions
  .filter((f) => f.name === 'preview-template' || /^send|email/.test(f.name))
  .map((f) => f.name);

describe('template bundles', () => {
  it('the render path (TemplatePort, render) imports Liquid and neither mjml nor html-to-text', async () => {
    const result = await build(
      bundleOptions(join(process.cwd(), 'lib/templates/template-port.ts'), join(dir, 'port.mjs')),
    );
    if (!result.metafile) throw new Error('no metafile');
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('node_modules/liquidjs/'))).toBe(true);
    expect(saveOnly(result.metafile)).toEqual([]);
  });

  it.each(RENDERING)('%s bundles neither mjml nor html-to-text', async (name) => {
    const { metafile } = await bundle(name, dir);
    expect(saveOnly(metafile)).toEqual([]);
  });

  it.each(['save-template', 'install-default-templates', 'enable-ready-made-journey'])(
    '%s bundles the compiler, without the modules it never runs',
    async (name) => {
      const { outfile, metafile } = await bundle(name, dir);
      const inputs = Object.keys(metafile.inputs);
      expect(inputs.some((f) => f.includes('node_modules/mjml-core/'))).toBe(true);
      expect(inputs.filter((f) => /node_modules\/(typescript|undici|iconv-lite)\//.test(f))).toEqual([]);
      expect(readFileSync(outfile).length).toBeLessThan(3.5 * 1024 * 1024);
    },
  );
});
