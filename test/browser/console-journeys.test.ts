/**
 * Journeys in the real console, in Chromium, on the local stack with the demo data and user: build
 * an abandoned-checkout journey from its ready-made shape without JSON (the wait for the order cut to
 * 2 hours), save it and find it listed with its steps; dry-run it for a made-up checkout that gets no
 * order and see its two emails, 2 hours apart, with their times; see the API's error for a step
 * next to that step's field; and add a random split (each path's share from the weights, a path
 * ending the run) and a webhook call, whose missing endpoint the API names next to its picker. Every
 * page is checked by axe; no console error is allowed except the 422s the last two tests provoke on
 * purpose.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from '../support/browser.ts';
import { expectApiFine, heading, useDemoConsole } from './demo-console.ts';

const chromium = useChromium();
const demoConsole = useDemoConsole(chromium);
const { signIn } = demoConsole;
let journeyPath: string | undefined;

const JOURNEY = 'Browser test abandoned checkout';
/** A weekday afternoon: outside the shape's quiet hours (21:00–08:00) in the workspace's zone. */
const START = '2026-03-10T15:00';

/** The builder from the abandoned-checkout shape, and its second step (the wait for the order). */
const openShape = async (page: Page): Promise<Locator> => {
  await heading(page, 'New journey').waitFor();
  await page.getByRole('button', { name: 'Build from “Abandoned checkout”' }).click();
  await page.getByLabel('Journey name').waitFor();
  return page.getByRole('group', { name: '2. Wait for an event' });
};

describe('journeys in the console', () => {
  it('builds an abandoned-checkout journey from its shape with a 2-hour wait, saves it, and finds it listed with its steps', async () => {
    const app = await signIn('/journeys');
    const { page } = app;
    await heading(page, 'Journeys').waitFor();
    await page.getByRole('link', { name: 'New journey' }).click();
    const wait = await openShape(page);
    await page.getByLabel('Journey name').fill(JOURNEY);
    // The shape's steps, each with its own form: the nudge's template, the wait for this checkout's order.
    await expect
      .poll(() => page.getByLabel('Email template').first().inputValue())
      .toBe('abandoned-checkout');
    const timeout = wait.getByRole('group', { name: 'Wait at most' });
    expect(await timeout.getByLabel('Unit').inputValue()).toBe('hours');
    expect(await timeout.getByLabel('Amount').inputValue()).toBe('23');
    await timeout.getByLabel('Amount').fill('2');
    expect(await wait.getByLabel('Event', { exact: true }).inputValue()).toBe('order.placed');
    await page.waitForLoadState('networkidle');
    await app.expectAccessible();
    await app.screenshot('journey-builder', { readme: true, fullPage: true });

    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL((url) => /^\/journeys\/(?!new$)[^/]+$/.test(url.pathname));
    journeyPath = new URL(page.url()).pathname;
    await heading(page, JOURNEY).waitFor();
    const steps = page.getByRole('region', { name: 'Steps' });
    for (const id of ['nudge', 'wait-order', 'reminder']) await steps.locator(`#step-${id}`).waitFor();
    expect(await steps.locator('#step-wait-order').textContent()).toMatch(/Wait for an event/);
    await page.waitForLoadState('networkidle');
    await app.expectAccessible();

    await page.getByRole('navigation').first().getByRole('link', { name: 'Journeys', exact: true }).click();
    await heading(page, 'Journeys').waitFor();
    await page.getByRole('link', { name: JOURNEY }).waitFor();
    // Opened again in the builder, the wait reads back as saved: 2 hours.
    await page.getByRole('link', { name: JOURNEY }).click();
    await page.getByRole('link', { name: 'Edit in the builder' }).click();
    const saved = page
      .getByRole('group', { name: '2. Wait for an event' })
      .getByRole('group', { name: 'Wait at most' });
    await expect.poll(() => saved.getByLabel('Amount').inputValue()).toBe('2');
    await page.waitForLoadState('networkidle');
    await app.expectAccessible();
    expectApiFine(app);
  });

  it('dry-runs it for a made-up checkout with no order: the nudge, then the reminder 2 hours later', async () => {
    if (!journeyPath) throw new Error('the first test saves the journey');
    const app = await signIn(journeyPath);
    const { page } = app;
    await heading(page, JOURNEY).waitFor();
    const panel = page.getByRole('region', { name: 'Dry run' });
    const trigger = panel.getByRole('group', { name: 'Properties of the event that starts it' });
    await trigger.getByRole('button', { name: 'Add one' }).click();
    await trigger.getByLabel('Name').fill('checkoutId');
    await trigger.getByLabel('Value').fill('chk_browser');
    await panel.getByLabel('Starts at').fill(START);
    await panel.getByRole('button', { name: 'Run the dry run' }).click();

    const emails = panel.getByRole('list', { name: 'Emails it would send' }).getByRole('listitem');
    await expect.poll(() => emails.count(), { timeout: 15_000 }).toBe(2);
    const times = await emails
      .locator('time')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    expect(times).toEqual(['2026-03-10T15:00:00.000Z', '2026-03-10T17:00:00.000Z']);
    // Shown in the user's locale and zone (the browser's: English, UTC).
    const format = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    expect(await emails.nth(0).textContent()).toContain(`${format.format(new Date('2026-03-10T15:00:00Z'))}`);
    expect(await emails.nth(0).textContent()).toContain('abandoned-checkout (step nudge)');
    expect(await emails.nth(1).textContent()).toContain(`${format.format(new Date('2026-03-10T17:00:00Z'))}`);
    expect(await emails.nth(1).textContent()).toContain('abandoned-checkout (step reminder)');
    expect(await panel.textContent()).toMatch(/Completed:/);
    await app.expectAccessible();
    expectApiFine(app);
  });

  it('shows the API’s error for a step next to that step’s field', async () => {
    const app = await signIn('/journeys/new', { problems: 'collect' });
    const { page } = app;
    const wait = await openShape(page);
    await page.getByLabel('Journey name').fill(`${JOURNEY} with a mistake`);
    await wait.getByRole('group', { name: 'Wait at most' }).getByLabel('Amount').fill('0');
    await page.getByRole('button', { name: 'Save as draft' }).click();

    const amount = wait.getByRole('group', { name: 'Wait at most' }).getByLabel('Amount');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await amount.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent();
    expect(message).toMatch(/at least one minute/);
    expect(new URL(page.url()).pathname).toBe('/journeys/new');
    await app.expectAccessible();

    // The lead nurture's shape (branches on the stage with the condition builder, a signal) is
    // accessible too, each branch's condition shown without JSON.
    await page.getByRole('button', { name: '← Choose another shape' }).click();
    await page.getByRole('button', { name: 'Build from “Lead nurture with MQL hand-off”' }).click();
    const check = page.getByRole('group', { name: '3. If / else' });
    expect(await check.getByLabel('Rule', { exact: true }).inputValue()).toBe('stage');
    expect(await check.getByLabel('If yes:').inputValue()).toBe('sales-ready');
    await app.expectAccessible();
    // The only problem the browser logged is the 422 answered on purpose.
    expect(app.problems).toHaveLength(1);
    expect(app.problems[0]).toMatch(/422/);
  });

  it('adds a random split with each path’s share of contacts, and a webhook call whose missing endpoint the API names', async () => {
    const app = await signIn('/journeys/new', { problems: 'collect' });
    const { page } = app;
    await openShape(page);
    await page.getByLabel('Journey name').fill(`${JOURNEY} with a holdout`);
    for (const kind of ['split', 'webhook']) {
      await page.getByLabel('New step').selectOption(kind);
      await page.getByRole('button', { name: 'Add the step' }).click();
    }

    const split = page.getByRole('group', { name: '4. Random split' });
    const first = split.getByRole('group', { name: 'Path 1' });
    const second = split.getByRole('group', { name: 'Path 2' });
    expect(await first.textContent()).toContain('50% of contacts');
    await first.getByLabel('Weight').fill('9');
    await second.getByLabel('Weight').fill('1');
    await second.getByLabel('Then').selectOption({ label: 'end the journey' });
    expect(await first.textContent()).toContain('90% of contacts');
    expect(await second.textContent()).toContain('10% of contacts');
    // 2 to 4 paths: a third one can be added, and removed again; two cannot be fewer.
    expect(await split.getByRole('button', { name: /^Remove path/ }).count()).toBe(0);
    await split.getByRole('button', { name: 'Add a path' }).click();
    expect(await split.getByRole('group', { name: 'Path 3' }).textContent()).toContain('83.3% of contacts');
    await split.getByRole('button', { name: 'Remove path 3' }).click();
    expect(await split.getByRole('group', { name: /^Path \d$/ }).count()).toBe(2);
    const webhook = page.getByRole('group', { name: '5. Call a webhook' });
    const endpoint = webhook.getByLabel('Webhook endpoint');
    expect(await endpoint.inputValue()).toBe('');
    await app.expectAccessible();

    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect.poll(() => endpoint.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await endpoint.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent();
    expect(message).toMatch(/not an outgoing webhook endpoint id/);
    expect(await second.getByLabel('Weight').getAttribute('aria-invalid')).toBeNull();
    await app.expectAccessible();
    expect(app.problems).toHaveLength(1);
    expect(app.problems[0]).toMatch(/422/);
  });
});
