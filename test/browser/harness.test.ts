/**
 * The browser harness itself (test/support/browser.ts), on the fixture console served by the local
 * HTTP API alone: the strict CSP still lets the app's own module run on a deep link, and each check
 * the scenario tests rely on catches what it must — a console error, a CSP violation, an uncaught page
 * error, a 4xx or 5xx answer fail the test; axe names the rule, impact and nodes; screenshots land as PNGs; a
 * missing Chromium says how to install it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { consoleFiles } from '../../infra/local/console-files.ts';
import { type LocalHttpApi, startLocalHttpApi } from '../../infra/local/http-api.ts';
import { launchChromium, RUN_SCREENSHOTS, useChromium } from '../support/browser.ts';
import { fixtureConsoleDist } from '../support/console.global-setup.ts';

const chromium = useChromium();
let api: LocalHttpApi;

beforeAll(async () => {
  api = await startLocalHttpApi({
    routes: [
      {
        name: 'boom',
        spec: {
          operationId: 'boom',
          method: 'GET',
          path: '/v1/boom',
          scope: 'public',
          summary: 'Fails',
          tag: 'test',
          responses: { 200: { description: 'never' } },
        },
        handler: async () => async () => {
          throw new Error('the handler failed');
        },
      },
    ],
    fallback: consoleFiles({ root: fixtureConsoleDist }),
  });
});

afterAll(async () => {
  await api?.close();
});

describe('the browser harness', () => {
  it('runs the fixture app on a deep link under the strict CSP, clean and accessible', async () => {
    const app = await chromium.open(`${api.url}/contacts/42`);
    await app.page.locator('html[data-ready="true"]').waitFor();
    expect(await app.page.locator('#route').textContent()).toBe('Route: /contacts/42');
    expect(await app.expectAccessible()).toEqual([]);
    const path = await app.screenshot('harness-fixture');
    expect(path).toBe(`${RUN_SCREENSHOTS}/harness-fixture.png`);
    expect(readFileSync(path).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  // The harness fails this test when it ends (it.fails expects that); the next test checks why.
  let whyItFailed = '';
  it.fails('fails a test whose page logs a console error (this test must fail)', async ({ task }) => {
    // Registered first, so it runs last: after the harness's check has failed the test.
    onTestFinished(() => {
      whyItFailed = (task.result?.errors ?? []).map((e) => e.message).join('\n');
    });
    const app = await chromium.open(`${api.url}/`);
    await app.page.evaluate(`console.error('something broke')`);
  });

  it('failed that test for its console error, and only for it', () => {
    expect(whyItFailed).toMatch(/^the browser recorded 1 problem\(s\):\n- console\.error: something broke/);
  });

  it('records CSP violations, uncaught page errors, and 4xx and 5xx answers from its own origin', async () => {
    const app = await chromium.open(`${api.url}/`, { problems: 'collect' });
    await app.page.locator('html[data-ready="true"]').waitFor();
    // Page code as text: the tests' TypeScript has no DOM types (the console's has).
    await app.page.evaluate(`(async () => {
      // An inline script: the CSP (script-src 'self') refuses it.
      const script = document.createElement('script');
      script.textContent = 'document.title = "injected"';
      document.body.append(script);
      setTimeout(() => {
        throw new Error('an uncaught error');
      });
      await fetch('/v1/boom');
      await fetch('/v1/nothing-here');
    })()`);
    await expect.poll(() => app.problems.length).toBeGreaterThanOrEqual(5);
    expect(await app.page.title()).toBe('ecrm console (test fixture)');
    const problems = app.problems.join('\n');
    expect(problems).toMatch(/console\.error: .*Content Security Policy/);
    expect(problems).toContain('uncaught page error: Error: an uncaught error');
    expect(problems).toContain(`server error: 500 GET ${api.url}/v1/boom`);
    // Chromium logs every 4xx/5xx answer as a console error, fetch calls included: a page must not
    // make a call it expects to fail (e.g. a 401 to learn that nobody is signed in).
    expect(problems).toContain(
      `console.error: Failed to load resource: the server responded with a status of 404 (Not Found) (${api.url}/v1/nothing-here`,
    );
    expect(() => app.expectNoProblems()).toThrow(/the browser recorded \d+ problem/);
  });

  it('watches the pages the app opens too (a popup, a new tab)', async () => {
    const app = await chromium.open(`${api.url}/`, { problems: 'collect' });
    const [popup] = await Promise.all([
      app.context.waitForEvent('page'),
      app.page.evaluate(`window.open('/preview')`),
    ]);
    await popup.locator('html[data-ready="true"]').waitFor();
    await popup.evaluate(`console.error('in the popup')`);
    expect(app.problems).toEqual(['console.error: in the popup']);
  });

  it('fails the axe check on a serious or critical violation, naming the rule, impact and nodes', async () => {
    const app = await chromium.open(`${api.url}/`);
    await app.page.locator('html[data-ready="true"]').waitFor();
    await app.page.evaluate(`(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      img.id = 'no-alt';
      const button = document.createElement('button');
      button.id = 'no-name';
      document.querySelector('main').append(img, button);
    })()`);
    const error: unknown = await app.expectAccessible().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = error instanceof Error ? error.message : '';
    expect(message).toMatch(/- image-alt \(critical\): .*\n\s+#no-alt: /);
    expect(message).toMatch(/- button-name \(critical\): .*\n\s+#no-name: /);
  });

  it('fails with how to install Chromium when it is missing, never skips', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
      /Chromium is not installed at \/nonexistent\/chromium: .*`\.ci\/run` installs it/,
    );
  });
});
