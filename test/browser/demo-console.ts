/**
 * The console on a local stack with `npm start`'s demo data and demo user, for a browser test file:
 * the stack started before its tests and stopped after, signing in through the local Cognito, and
 * the checks every marketer test makes (a page's heading, no API call answered with an error).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  createDemoKeys,
  createDemoUser,
  DEMO_USER,
  type DemoKeys,
  seedDemoData,
} from '../../infra/local/demo-data.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import type { ConsolePage, useChromium } from '../support/browser.ts';
import { startConsoleStack } from './stack.ts';

type Chromium = ReturnType<typeof useChromium>;

export interface DemoConsole {
  /** The running stack (once `beforeAll` ran). */
  readonly stack: () => LocalStack;
  /** The demo workspace's keys (once `beforeAll` ran). */
  readonly demo: () => DemoKeys;
  /** Opens the console at `path` signed out, and signs in as the demo user through the local Cognito. */
  readonly signIn: (path?: string, options?: Parameters<Chromium['open']>[1]) => Promise<ConsolePage>;
}

export const useDemoConsole = (chromium: Chromium): DemoConsole => {
  let stack: LocalStack | undefined;
  let demo: DemoKeys | undefined;
  beforeAll(async () => {
    stack = await startConsoleStack();
    demo = await createDemoKeys(stack.table);
    await createDemoUser(stack.table, stack.cognito);
    await seedDemoData(stack.apiUrl, demo);
    await stack.idle();
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });
  const started = (): LocalStack => {
    if (!stack) throw new Error('the stack is not started yet');
    return stack;
  };
  return {
    stack: started,
    demo: () => {
      if (!demo) throw new Error('the demo data is not seeded yet');
      return demo;
    },
    async signIn(path = '/', options = {}) {
      const { consoleUrl } = started();
      const app = await chromium.open(`${consoleUrl}${path}`, options);
      const { page } = app;
      await page.locator('a[href^="/auth/login"]').click();
      await page.locator('#username').fill(DEMO_USER.email);
      await page.locator('#password').fill(DEMO_USER.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.origin === consoleUrl && url.pathname === path);
      await page.locator('nav').first().waitFor();
      return app;
    },
  };
};

/** The page's level-1 heading. */
export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Every call the page made to the API answered with a success (no 4xx hidden behind the UI). */
export const expectApiFine = (app: ConsolePage) => {
  const failed = app.responses
    .filter((r) => new URL(r.url()).pathname.startsWith('/v1/') && r.status() >= 400)
    .map((r) => `${r.status()} ${r.request().method()} ${r.url()}`);
  expect(failed).toEqual([]);
};
