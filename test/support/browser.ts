/**
 * The browser test harness: Debian's Chromium (/usr/bin/chromium, never a downloaded browser) driven by
 * playwright-core, launched once per test file, with pages that fail their test on any browser-side
 * problem, an axe-core check and screenshots.
 *
 *   const chromium = useChromium();   // at the top of a test file: launch in beforeAll, close in afterAll
 *   it('…', async () => {
 *     const app = await chromium.open(`${stack.consoleUrl}/contacts`);   // a fresh context (no cookies)
 *     await app.page.getByRole('heading', { name: 'Contacts' }).waitFor();
 *     await app.expectAccessible();   // axe: no serious or critical violation
 *     await app.screenshot('contacts', { readme: true });
 *   });                               // at its end: any problem recorded fails the test
 *
 * A problem is a console message of type error (CSP violations included, and every 4xx/5xx answer:
 * Chromium logs "Failed to load resource" for fetch calls too), an uncaught page error, a request to
 * the page's own origin that failed at the network level (a deliberate abort aside), or a 5xx answer
 * from that origin; on the page opened and on every page its context opens later (popups, new tabs).
 */
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
  type Response,
} from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import * as z from 'zod';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH points elsewhere on other systems. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots the README shows (committed). */
export const README_SCREENSHOTS = join(repoRoot, 'docs', 'screenshots');
/** Every other screenshot (a run's artefacts, not committed). */
export const RUN_SCREENSHOTS = join(repoRoot, '.vitest', 'screenshots');

/**
 * Launches Chromium. Playwright gives it a fresh temporary profile (user-data-dir) and deletes it on
 * close. A missing browser is a failure that says how to install it, never a skip.
 */
export const launchChromium = async (executablePath = CHROMIUM_PATH): Promise<Browser> => {
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium is not installed at ${executablePath}: the browser tests need Debian's chromium package. ` +
        '`.ci/run` installs it (apt-get install -y chromium); or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
};

/** What a watched page records. */
export interface PageWatch {
  /** Each problem in one line saying what went wrong and where. */
  readonly problems: readonly string[];
  /** Every answer from the page's own origin, in order (documents, assets, API calls). */
  readonly responses: readonly Response[];
  /** Throws listing every problem recorded so far. */
  expectNoProblems(): void;
}

/**
 * Records the problems of `page`; requests and 5xx answers count when they go to `origin`. Pass `into`
 * to record into another watch's lists (several pages, one account).
 */
export const watchPage = (
  page: Page,
  origin: string,
  into: { problems: string[]; responses: Response[] } = { problems: [], responses: [] },
): PageWatch => {
  const { problems, responses } = into;
  const own = (url: string) => {
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'assert') return;
    const where = message.location();
    problems.push(
      `console.${message.type()}: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`,
    );
  });
  page.on('pageerror', (error) => {
    problems.push(`uncaught page error: ${error.stack ?? error.message}`);
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // An abort is deliberate (an AbortController, a navigation away); anything else is a failure.
    if (own(request.url()) && failure !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.method()} ${request.url()}: ${failure}`);
  });
  page.on('response', (response) => {
    if (own(response.url())) responses.push(response);
    if (own(response.url()) && response.status() >= 500)
      problems.push(`server error: ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return {
    problems,
    responses,
    expectNoProblems: () => {
      if (problems.length > 0)
        throw new Error(`the browser recorded ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    },
  };
};

const resolve = createRequire(import.meta.url).resolve;
let axeSource: string | undefined;

// A node's target is a selector list, or per shadow root a list of them.
const axeViolations = z.array(
  z.object({
    id: z.string(),
    impact: z.string().nullable().optional(),
    help: z.string(),
    helpUrl: z.string(),
    nodes: z.array(
      z.object({
        target: z.array(z.union([z.string(), z.array(z.string())])),
        failureSummary: z.string().optional(),
      }),
    ),
  }),
);
export type AxeViolation = z.infer<typeof axeViolations>[number];

export interface AccessibilityOptions {
  /** A CSS selector to check instead of the whole document. */
  readonly include?: string;
  /** Impacts that fail the check (default serious and critical). */
  readonly failOn?: readonly string[];
}

/**
 * Runs axe-core on the page as it is now and throws when a violation of a failing impact (serious or
 * critical by default) is found, naming each rule, its impact and its nodes. Returns every violation
 * (the lesser ones too). axe's source is evaluated through the DevTools protocol, which the page's CSP
 * does not govern, so the strict CSP stays on while it runs.
 */
export const checkAccessibility = async (
  page: Page,
  options: AccessibilityOptions = {},
): Promise<AxeViolation[]> => {
  axeSource ??= readFileSync(resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const raw: unknown = await page.evaluate(async (include) => {
    const axe: unknown = Reflect.get(globalThis, 'axe');
    const run: unknown = typeof axe === 'object' && axe !== null ? Reflect.get(axe, 'run') : undefined;
    if (typeof run !== 'function') throw new Error('axe-core did not load in the page');
    const results: unknown = await Reflect.apply(run, axe, [
      include ?? Reflect.get(globalThis, 'document'),
      { resultTypes: ['violations'] },
    ]);
    return typeof results === 'object' && results !== null ? Reflect.get(results, 'violations') : undefined;
  }, options.include);
  const violations = axeViolations.parse(raw);
  const failOn = options.failOn ?? ['serious', 'critical'];
  const failing = violations.filter((v) => typeof v.impact === 'string' && failOn.includes(v.impact));
  if (failing.length > 0)
    throw new Error(
      `axe found ${failing.length} ${failOn.join(' or ')} violation(s) on ${page.url()}:\n${failing
        .map(
          (v) =>
            `- ${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>\n${v.nodes
              .map(
                (n) =>
                  `    ${n.target.flat().join(' >>> ')}: ${(n.failureSummary ?? '').replace(/\n\s*/g, ' ')}`,
              )
              .join('\n')}`,
        )
        .join('\n')}`,
    );
  return violations;
};

export interface ScreenshotOptions {
  /** Into docs/screenshots/ (shown by the README, committed) instead of .vitest/screenshots/. */
  readonly readme?: boolean;
  /** The whole scrollable page rather than the viewport. */
  readonly fullPage?: boolean;
}

/** Saves a PNG named `<name>.png`; returns its path. */
export const screenshot = async (
  page: Page,
  name: string,
  options: ScreenshotOptions = {},
): Promise<string> => {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`screenshot name ${name}: use lower-case words and dashes`);
  const path = join(options.readme ? README_SCREENSHOTS : RUN_SCREENSHOTS, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
};

/** A page opened by {@link useChromium}: Playwright's page plus the harness's checks. */
export interface ConsolePage extends PageWatch {
  readonly page: Page;
  readonly context: BrowserContext;
  /** The answer to the first navigation (the document at the URL opened). */
  readonly response: Response | null;
  expectAccessible(options?: AccessibilityOptions): Promise<AxeViolation[]>;
  screenshot(name: string, options?: ScreenshotOptions): Promise<string>;
}

export interface OpenOptions {
  /** Browser context options; default: English (en-US), UTC, 1280×800. `locale` picks the browser's language. */
  readonly context?: BrowserContextOptions;
  /**
   * `fail` (default): the test fails when its end finds a problem recorded. `collect`: the test reads
   * `problems` itself (for tests of the harness, and of pages expected to log).
   */
  readonly problems?: 'fail' | 'collect';
}

export interface Chromium {
  /** The browser of this file (after `beforeAll`). */
  readonly browser: () => Browser;
  /**
   * Opens `url` in a new context (no cookies) and waits for its load event. Call it inside a test: when
   * the test ends the context is closed and, unless `problems: 'collect'`, any recorded problem fails it.
   */
  open(url: string, options?: OpenOptions): Promise<ConsolePage>;
}

/** Launches Chromium before the file's tests and closes it after them. Call once, at the top level. */
export const useChromium = (): Chromium => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const current = () => {
    if (!browser) throw new Error('Chromium is not launched: call useChromium() at the top of the test file');
    return browser;
  };
  return {
    browser: current,
    open: async (url, options = {}) => {
      const context = await current().newContext({
        locale: 'en-US',
        timezoneId: 'UTC',
        viewport: { width: 1280, height: 800 },
        ...options.context,
      });
      onTestFinished(async () => {
        await context.close();
      });
      const page = await context.newPage();
      const origin = new URL(url).origin;
      const lists: { problems: string[]; responses: Response[] } = { problems: [], responses: [] };
      const watch = watchPage(page, origin, lists);
      context.on('page', (opened) => {
        if (opened !== page) watchPage(opened, origin, lists);
      });
      // Registered after the close: hooks run in reverse, so this check runs first, on the open page.
      if (options.problems !== 'collect') onTestFinished(() => watch.expectNoProblems());
      const response = await page.goto(url);
      return {
        page,
        context,
        response,
        problems: watch.problems,
        responses: watch.responses,
        expectNoProblems: watch.expectNoProblems,
        expectAccessible: (accessibility) => checkAccessibility(page, accessibility),
        screenshot: (name, shot) => screenshot(page, name, shot),
      };
    },
  };
};
