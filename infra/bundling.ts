/**
 * How a function is bundled for Lambda, in one place: the CDK construct, `npm run build` and the bench
 * all use these options, so the bundle that is measured is the bundle that ships.
 *
 * The AWS SDK v3 clients are left to the Lambda runtime (nodejs24.x carries every `@aws-sdk/*` client):
 * bundling them would add ~0.5 MB to every function that uses one. DynamoDB is called through the
 * project's own client (lib/shared/dynamodb), which imports in a few ms where the SDK's takes 150+.
 */
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/**
 * esbuild emits ESM, where `require` does not exist; a few CommonJS dependencies still call it. The banner
 * gives them one, resolved relative to the bundle.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * Resolved at run time from the Lambda runtime (or, locally, from node_modules): the SDK's service
 * clients, for the functions that still use one. `@aws-sdk/util-dynamodb` (the marshalling of the
 * project's own DynamoDB client, a few KB with no dependencies) is bundled: one file to load, not a
 * package tree to resolve.
 */
export const EXTERNAL_MODULES: readonly string[] = [
  '@aws-sdk/client-*',
  '@aws-sdk/lib-*',
  '@aws-sdk/credential-*',
];

/**
 * Modules that dependencies `require` for features ecrm never uses, replaced by an empty module: the
 * MJML compiler's config loaders (cosmiconfig → `typescript`, 3.5 MB, for TypeScript config files) and
 * cheerio's fetch and byte decoding (`undici`, `iconv-lite`; templates are compiled from strings).
 * Without this, the template save functions would ship 7 MB instead of 2.
 */
const UNUSED_MODULE = fileURLToPath(new URL('./stubs/unused-module.cjs', import.meta.url));
export const UNUSED_MODULES: Readonly<Record<string, string>> = {
  typescript: UNUSED_MODULE,
  undici: UNUSED_MODULE,
  'iconv-lite': UNUSED_MODULE,
};

export const LAMBDA_BUNDLE = {
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  external: EXTERNAL_MODULES,
  alias: UNUSED_MODULES,
} as const;

/** esbuild options for one function: entry (absolute) to one ESM file. */
export const bundleOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: LAMBDA_BUNDLE.format,
  target: LAMBDA_BUNDLE.target,
  mainFields: [...LAMBDA_BUNDLE.mainFields],
  banner: { js: LAMBDA_BUNDLE.banner },
  minify: LAMBDA_BUNDLE.minify,
  external: [...LAMBDA_BUNDLE.external],
  alias: { ...LAMBDA_BUNDLE.alias },
  metafile: true,
  logLevel: 'silent',
});
