import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { DemoKeys } from '../../infra/local/demo-data.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { useChromium } from '../support/browser.ts';
import { expectApiFine, heading, useDemoConsole } from './demo-console.ts';

const chromium = useChromium();
const demoConsole = useDemoConsole(chromium);
const { signIn } = demoConsole;
let stack: LocalStack;
let demo: DemoKeys;
beforeAll(() => {
  stack = demoConsole.stack();
  demo = demoConsole.demo();
});

const ADDRESS = 'Browser Test Shop, Via Roma 12, 20121 Milano, Italia';
const TOPIC = { id: 'browser-offers', name: 'Browser offers' };
const CAMPAIGN = 'Browser A/B campaign';
const SUBJECTS = ['Spring is here, {{ contact.firstName }}', 'Our spring picks for you'];
/** The demo contacts subscribed to email (demo-data.ts): the "Email subscribers" segment. */
const SUBSCRIBERS = 3;

/** The API as a machine sees it (the demo workspace's API key). */
const apiGet = async (path: string): Promise<unknown> => {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${demo.apiKey}` },
  });
  expect(response.status, path).toBe(200);
  return response.json();
};

const emailSettings = z.object({
  postalAddress: z.string().optional(),
  topics: z.array(z.object({ id: z.string(), names: z.record(z.string(), z.string()) })),
  frequencyCap: z.object({ limit: z.number(), period: z.number(), unit: z.string() }).optional(),
  attribution: z.object({ windowDays: z.number() }),
});
const campaignList = z.object({
  campaigns: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      abTest: z
        .object({
          variants: z.array(z.object({ subject: z.string().optional() })),
          testShare: z.number(),
          metric: z.string(),
          decideAfterMinutes: z.number(),
        })
        .optional(),
    }),
  ),
});

describe('settings and the A/B test, driven as a marketer would', () => {
  it('sets the postal address, adds a topic, caps the frequency: all kept after a reload', async () => {
    const app = await signIn('/settings');
    const { page } = app;
    await heading(page, 'Settings').waitFor();
    const section = page.getByRole('region', { name: 'Email settings' });
    const address = section.getByLabel('Postal address');
    // The demo's address and topics are read into the form.
    await expect.poll(() => address.inputValue(), { timeout: 15_000 }).toContain('Demo Shop');
    await section.getByTestId('topic-newsletter').waitFor();
    await page.waitForLoadState('networkidle');
    await app.expectAccessible();

    await address.fill(ADDRESS);
    await section.getByLabel('New topic id').fill(TOPIC.id);
    await section.getByLabel('Name in English').last().fill(TOPIC.name);
    await section.getByRole('button', { name: 'Add topic' }).click();
    const added = section.getByTestId(`topic-${TOPIC.id}`);
    await added.getByLabel('Name in Español').fill('Ofertas del navegador');
    await section.getByLabel('Limit the marketing emails each contact receives').check();
    await section.getByLabel('Emails at most').fill('3');
    await section.getByLabel('In any period of').fill('7');
    await section.getByLabel('Period unit').selectOption('days');
    await section.getByLabel('Attribution window (days)').fill('10');
    await section.getByRole('button', { name: 'Save email settings' }).click();
    await section.getByText('Email settings saved.').waitFor();
    await app.expectAccessible();
    await app.screenshot('settings-email', { fullPage: true });

    await page.reload();
    await heading(page, 'Settings').waitFor();
    await expect.poll(() => address.inputValue(), { timeout: 15_000 }).toBe(ADDRESS);
    expect(await added.getByLabel('Name in English').inputValue()).toBe(TOPIC.name);
    expect(await added.getByLabel('Name in Español').inputValue()).toBe('Ofertas del navegador');
    // The demo's topics are still there, untouched.
    expect(await section.getByTestId('topic-product-news').getByLabel('Name in Italiano').inputValue()).toBe(
      'Novità',
    );

    expect(await section.getByLabel('Emails at most').inputValue()).toBe('3');
    expect(await section.getByLabel('Attribution window (days)').inputValue()).toBe('10');

    const saved = emailSettings.parse(await apiGet('/v1/workspace/email-settings'));
    expect(saved.postalAddress).toBe(ADDRESS);
    expect(saved.topics.map((t) => t.id)).toEqual(['newsletter', 'product-news', TOPIC.id]);
    expect(saved.topics[2]?.names).toEqual({ en: TOPIC.name, es: 'Ofertas del navegador' });
    expect(saved.frequencyCap).toEqual({ limit: 3, period: 7, unit: 'days' });
    expect(saved.attribution.windowDays).toBe(10);
    expectApiFine(app);
  });

  it('creates a campaign with an A/B test of two subject lines, scheduled, and sees its variants', async () => {
    const app = await signIn('/campaigns/new');
    const { page } = app;
    await heading(page, 'New campaign').waitFor();
    await page.getByLabel('Campaign name').fill(CAMPAIGN);
    await page.getByLabel('Segment').selectOption({ label: 'Email subscribers' });
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Welcome' });
    const ab = page.getByRole('region', { name: 'A/B test' });
    await ab.getByLabel('Test variants on part of the audience first').check();
    await ab.getByLabel('Variant A subject line').fill(SUBJECTS[0] ?? '');
    await ab.getByLabel('Variant B subject line').fill(SUBJECTS[1] ?? '');
    await ab.getByLabel('Share of the audience in the test (%)').fill('30');
    await ab.getByLabel('Winner picked by').selectOption({ label: 'Click rate' });
    await ab.getByLabel('Decide after').fill('2');
    await ab.getByLabel('Unit').selectOption({ label: 'hours' });
    await app.expectAccessible();
    await app.screenshot('campaign-wizard-ab-test', { fullPage: true });
    await page.getByRole('button', { name: 'Next' }).click();

    // An A/B test goes out at one moment: the recipient-local schedule is not offered with it.
    const when = page.getByLabel('When');
    expect(await when.locator('option').allTextContents()).toEqual(['Send now', 'At a date and time']);
    await when.selectOption('at');
    await page.getByLabel('Date and time').fill('2030-06-03T09:30');
    await page.getByLabel('Time zone').selectOption('Europe/Rome');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/2 variants, 30% of the audience, winner by Click rate after 2 hours/).waitFor();
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Create and schedule' }).click();

    await page.waitForURL((url) => /^\/campaigns\/(?!new$)[^/]+$/.test(url.pathname));
    await heading(page, CAMPAIGN).waitFor();
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toBe('Scheduled');
    // The time it goes out, in the zone it was scheduled in.
    await page.getByText(/Goes out on Jun 3, 2030, 9:30\sAM \(Europe\/Rome\)/).waitFor();
    const results = page.getByRole('region', { name: 'A/B test' });
    for (const subject of SUBJECTS) await results.getByRole('cell', { name: subject }).waitFor();
    await results
      .getByText(/30% of the audience in the test, winner picked by Click rate 120 minutes/)
      .waitFor();
    await page.waitForLoadState('networkidle');
    await app.expectAccessible();
    await app.screenshot('campaign-ab-test', { fullPage: true });

    const { campaigns } = campaignList.parse(await apiGet('/v1/campaigns?status=scheduled'));
    const created = campaigns.filter((c) => c.name === CAMPAIGN);
    expect(created).toHaveLength(1);
    expect(created[0]?.abTest).toEqual({
      variants: [{ subject: SUBJECTS[0] }, { subject: SUBJECTS[1] }],
      testShare: 30,
      metric: 'clickRate',
      decideAfterMinutes: 120,
    });
    expectApiFine(app);
  });

  it('sends a campaign and, once sent, its results show every email sent and delivered', async () => {
    const app = await signIn('/campaigns/new');
    const { page } = app;
    await heading(page, 'New campaign').waitFor();
    await page.getByLabel('Campaign name').fill('Browser results campaign');
    await page.getByLabel('Segment').selectOption({ label: 'Email subscribers' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Welcome' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('When').selectOption('now');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Create and send' }).click();
    await heading(page, 'Browser results campaign').waitFor();
    await expect
      .poll(() => page.getByTestId('campaign-status').textContent(), { timeout: 80_000, interval: 1_000 })
      .toBe('Sent');
    // The results read while sending are read again once sent (they were left at 0 before).
    const results = page.getByRole('region', { name: 'Results' });
    await expect
      .poll(() => results.textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`Sent\\s*${SUBSCRIBERS}\\s*Delivered\\s*${SUBSCRIBERS}(?!\\d)`));
    await app.expectAccessible();
    expectApiFine(app);
  });
});
