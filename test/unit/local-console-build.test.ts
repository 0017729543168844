/**
 * When `npm start` and the browser tests rebuild the console (infra/local/console-build.ts): never
 * without a Vite project, always without a build, and whenever a source is newer than the build.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleBuildState } from '../../infra/local/console-build.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A console folder with `files`, each modified at its given second. */
const project = (files: Record<string, number>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ecrm-console-build-'));
  dirs.push(dir);
  for (const [name, second] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, name);
    utimesSync(path, second, second);
  }
  return dir;
};

describe('the console build state', () => {
  it('is no-project without a Vite config, whatever else is there', () => {
    expect(consoleBuildState(project({ 'src/main.tsx': 1, 'dist/index.html': 2 }))).toBe('no-project');
  });

  it('is missing with a Vite config and no dist/index.html', () => {
    expect(consoleBuildState(project({ 'vite.config.ts': 1, 'src/main.tsx': 1 }))).toBe('missing');
    expect(consoleBuildState(project({ 'vite.config.ts': 1, 'dist/assets/a.js': 5 }))).toBe('missing');
  });

  it('is fresh when the build is newer than every source', () => {
    const dir = project({
      'vite.config.ts': 1,
      'index.html': 1,
      'src/main.tsx': 2,
      'src/pages/contacts/list.tsx': 3,
      'dist/index.html': 4,
    });
    expect(consoleBuildState(dir)).toBe('fresh');
  });

  it('is stale when a source deep in src/, the index.html, public/ or the Vite config is newer', () => {
    const base = { 'vite.config.ts': 1, 'index.html': 1, 'src/main.tsx': 1, 'dist/index.html': 4 };
    expect(consoleBuildState(project({ ...base, 'src/pages/contacts/list.tsx': 5 }))).toBe('stale');
    expect(consoleBuildState(project({ ...base, 'index.html': 5 }))).toBe('stale');
    expect(consoleBuildState(project({ ...base, 'public/robots.txt': 5 }))).toBe('stale');
    expect(consoleBuildState(project({ ...base, 'vite.config.ts': 5 }))).toBe('stale');
  });
});
