/**
 * Renders per second per core of a realistic template: the shipped abandoned-checkout email (a
 * product loop, conditionals, `money`/`times` filters, the marketing footer), compiled once as a save
 * does, then rendered per recipient as the send path does (subject, preheader, HTML and text). JS runs
 * on one core, so the rate is per core. Alone: `npm run bench -- render`.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../infra/bundling.ts';
import { emptyContact } from '../lib/contacts/contact-model.ts';
import type { RenderInput } from '../lib/email/ports.ts';
import { compileTemplate } from '../lib/templates/compile-template.ts';
import { mjmlCompiler } from '../lib/templates/mjml-compiler.ts';
import { loadVersion } from '../lib/templates/render.ts';
import { saveTemplateBody } from '../lib/templates/template.schema.ts';
import { emailSettingsSchema, SHIPPED_LOCALES } from '../lib/workspaces/email-settings.schema.ts';
import { SHIPPED_TEMPLATES } from '../templates/index.ts';
import { weights } from './bundles.ts';

const RENDERS = Number(process.env.BENCH_RENDERS ?? 20_000);
const root = fileURLToPath(new URL('../', import.meta.url));

export const benchRender = async (row: (label: string, value: string) => void) => {
  const shipped = SHIPPED_TEMPLATES.find((t) => t.id === 'abandoned-checkout');
  if (!shipped) throw new Error('the abandoned-checkout template is not shipped');
  let t0 = performance.now();
  const locales = await compileTemplate(
    saveTemplateBody.parse({ name: shipped.name, kind: shipped.kind, locales: shipped.locales }),
    mjmlCompiler,
  );
  const compileMs = performance.now() - t0;
  const template = loadVersion({
    type: 'templateVersion',
    v: 1,
    workspaceId: 'ws_bench',
    templateId: shipped.id,
    version: 1,
    name: shipped.name,
    kind: shipped.kind,
    locales,
    createdAt: new Date(0).toISOString(),
  });
  const settings = emailSettingsSchema.parse({ postalAddress: 'Calle Mayor 1, 28013 Madrid, Spain' });
  const inputs: RenderInput[] = Array.from({ length: 100 }, (_, i) => ({
    contact: {
      ...emptyContact('ws_bench', `c_${i}`, 'bench', new Date(0).toISOString()),
      email: `person${i}@bench.example`,
      ...(i % 4 ? { firstName: `Name${i}` } : {}),
      locale: SHIPPED_LOCALES[i % SHIPPED_LOCALES.length],
    },
    settings,
    workspaceName: 'Bench shop',
    links: {
      unsubscribeUrl: `https://ecrm.example/u/token-${i}`,
      oneClickUrl: `https://ecrm.example/u/token-${i}/one-click`,
      preferencesUrl: `https://ecrm.example/u/token-${i}?preferences`,
    },
    data: {
      lineItems: Array.from({ length: 1 + (i % 5) }, (_, n) => ({
        name: `Product ${n} <${i}>`,
        quantity: 1 + (n % 3),
        unitPrice: 1299 + n * 100,
      })),
      total: 9999,
      currency: i % 2 ? 'EUR' : 'USD',
      ...(i % 3 ? { recoveryUrl: `https://shop.example/recover/${i}` } : {}),
    },
  }));
  // Warm up: the first render of each locale parses it (once per container).
  for (const input of inputs) template.render(input);
  let bytes = 0;
  t0 = performance.now();
  for (let n = 0; n < RENDERS; n++) {
    const input = inputs[n % inputs.length];
    if (!input) continue;
    const out = template.render(input);
    if (!out.ok) throw new Error(out.reason);
    bytes += out.email.html.length + out.email.text.length;
  }
  const seconds = (performance.now() - t0) / 1000;

  const port = await build(
    bundleOptions(join(root, 'lib/templates/template-port.ts'), join(root, '.bench', 'render-path.mjs')),
  );
  const portBytes = Object.values(port.metafile?.outputs ?? {}).reduce((sum, o) => sum + o.bytes, 0);
  const liquid =
    weights(port.metafile ?? { inputs: {}, outputs: {} }).find(([k]) => k === 'liquidjs')?.[1] ?? 0;

  console.log(
    `\ntemplate rendering: the shipped abandoned-checkout email (1–5 products, conditionals, filters, 5 locales), ${RENDERS} renders`,
  );
  row('MJML compile + Liquid checks at save (5 locales, once)', `${compileMs.toFixed(0)} ms`);
  row('renders per second per core (subject, preheader, HTML, text)', (RENDERS / seconds).toFixed(0));
  row('ms per recipient', ((seconds * 1000) / RENDERS).toFixed(3));
  row('bytes rendered per recipient (HTML + text)', (bytes / RENDERS).toFixed(0));
  row(
    'render path bundle (TemplatePort + LiquidJS, minified)',
    `${(portBytes / 1024).toFixed(0)} KB (LiquidJS ${(liquid / 1024).toFixed(0)} KB); no mjml, no html-to-text`,
  );
};
