/**
 * Whether the console (`console/`, a Vite app) needs building before it is served locally, and the
 * build itself (`npm run build:console`, which writes `console/dist`). `npm start` and the browser
 * tests' global setup both ask, so a fresh checkout or an edited source never serves a stale console.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's console project. */
export const consoleDir = fileURLToPath(new URL('../../console', import.meta.url));
/** Where `npm run build:console` writes the console (what the local HTTP API serves). */
export const consoleDist = join(consoleDir, 'dist');

const VITE_CONFIGS = ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'];
/** What a build reads besides `src/`: a change to any of them makes the dist stale too. */
const BUILD_INPUTS = ['index.html', 'public', ...VITE_CONFIGS];

/**
 * - `no-project`: there is no Vite app in `dir` (nothing to build);
 * - `missing`: there is one and it was never built (no `dist/index.html`);
 * - `stale`: a source file is newer than the build;
 * - `fresh`: the build is newer than every source file.
 */
export type ConsoleBuildState = 'no-project' | 'missing' | 'stale' | 'fresh';

/** The newest modification time of a file or of any file under a folder; 0 when absent. */
const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
};

export const consoleBuildState = (dir: string = consoleDir): ConsoleBuildState => {
  if (!VITE_CONFIGS.some((name) => existsSync(join(dir, name)))) return 'no-project';
  const built = newest(join(dir, 'dist', 'index.html'));
  if (built === 0) return 'missing';
  const sources = Math.max(newest(join(dir, 'src')), ...BUILD_INPUTS.map((name) => newest(join(dir, name))));
  return sources > built ? 'stale' : 'fresh';
};

export class ConsoleBuildError extends Error {
  override readonly name = 'ConsoleBuildError';
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`npm run build:console failed (exit ${code ?? 'signal'}):\n${output.slice(-4000)}`);
  }
}

/**
 * Runs `npm run build:console` in the repository. `echo` streams its output to this process's (for
 * `npm start`); otherwise the output is kept for the error.
 */
export const buildConsole = (options: { readonly echo?: boolean } = {}): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build:console'], {
      cwd: join(consoleDir, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      // What ships, whoever asks: under vitest NODE_ENV is `test`, which would bundle React's
      // development build into console/dist, and `npm start` would then serve it as up to date.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (options.echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new ConsoleBuildError(code, output))));
  });

/** Builds the console when it has a project and its build is missing or stale; says what it did. */
export const ensureConsoleBuilt = async (
  options: { readonly echo?: boolean } = {},
): Promise<ConsoleBuildState | 'built'> => {
  const state = consoleBuildState();
  if (state !== 'missing' && state !== 'stale') return state;
  await buildConsole(options);
  return 'built';
};
