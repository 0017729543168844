/**
 * Vitest global setup for the browser project: the console the tests load. When the repository has the
 * console's Vite project, it is built once before the run if its build is missing or older than its
 * sources, and the tests load that build; without one (before the console existed) they load the
 * stand-in under test/fixtures/console-dist. Tests read it with `inject('consoleDir')` and hand it to
 * the local stack (`startLocalStack({ consoleDir })`).
 */
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { consoleDist, ensureConsoleBuilt } from '../../infra/local/console-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built console the local stack serves in browser tests. */
    consoleDir: string;
    /** True when that is the test fixture (no console project in the repository). */
    consoleIsFixture: boolean;
  }
}

export const fixtureConsoleDist = fileURLToPath(new URL('../fixtures/console-dist', import.meta.url));

export default async function setup(project: TestProject): Promise<void> {
  const state = await ensureConsoleBuilt();
  const fixture = state === 'no-project';
  project.provide('consoleDir', fixture ? fixtureConsoleDist : consoleDist);
  project.provide('consoleIsFixture', fixture);
}
