import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../infra/local/demo-data.ts';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { useChromium } from '../support/browser.ts';
import { expectApiFine, heading, useDemoConsole } from './demo-console.ts';

const chromium = useChromium();
const demoConsole = useDemoConsole(chromium);
const { signIn } = demoConsole;
let stack: LocalStack;
beforeAll(() => {
  stack = demoConsole.stack();
});
const startedAt = new Date();
/** The campaign the wizard created (its page's path), for the timeline to link to. */
let campaignPath = '';

/** The demo contacts subscribed to email (demo-data.ts): the segment the test builds. */
const SUBSCRIBERS = ['ana.garcia@example.com', 'ben.okafor@example.com', 'chloe.martin@example.com'];
const SEGMENT = 'Browser test subscribers';
const CAMPAIGN = 'Browser test campaign';
const SPANISH_SUBJECT = '¡Hola {{ contact.firstName }}, te damos la bienvenida!';

describe('the console, driven as a marketer would', () => {
  it('signs in with the local Cognito and lands on the dashboard; the session is an httpOnly cookie only', async () => {
    const app = await chromium.open(`${stack.consoleUrl}/`);
    await heading(app.page, 'Welcome to ecrm').waitFor();
    await app.expectAccessible();
    await app.page.locator('a[href^="/auth/login"]').click();
    await app.page.locator('#username').waitFor();
    await app.screenshot('sign-in');
    await app.page.locator('#username').fill(DEMO_USER.email);
    await app.page.locator('#password').fill(DEMO_USER.password);
    await app.page.locator('button[type="submit"]').click();
    await heading(app.page, 'Dashboard').waitFor();
    expect(new URL(app.page.url()).origin).toBe(stack.consoleUrl);

    const cookies = await app.context.cookies();
    const session = cookies.find((c) => c.name === 'ecrm_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Nothing of the session is readable by the page's scripts.
    expect(await app.page.evaluate('document.cookie')).toBe('');
    // localStorage holds the chosen workspace and language only: no token, no key.
    const stored = await app.page.evaluate('JSON.stringify(Object.keys(localStorage))');
    const keys: unknown = JSON.parse(String(stored));
    expect(Array.isArray(keys) && keys.every((k) => k === 'ecrm.workspace' || k === 'ecrm.locale')).toBe(
      true,
    );
    const values = await app.page.evaluate('JSON.stringify(Object.values(localStorage))');
    expect(String(values)).not.toContain(String(session?.value).slice(0, 20));
    await app.page.waitForLoadState('networkidle');
    await app.expectAccessible();
    await app.screenshot('dashboard', { readme: true });
    expectApiFine(app);
  });

  it('builds a segment with the visual builder, sees its live count, and saves it', async () => {
    const app = await signIn('/segments/new');
    const { page } = app;
    await heading(page, 'New segment').waitFor();
    await page.getByLabel('Segment name').fill(SEGMENT);
    // A new segment starts with one rule; its type is chosen from a list, its values too.
    await page.getByLabel('Rule', { exact: true }).selectOption({ label: 'Lifecycle stage' });
    await page.getByLabel('Rule', { exact: true }).selectOption({ label: 'Consent' });
    await page.getByLabel('Channel').selectOption({ label: 'Email' });
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'subscribed' });
    await expect.poll(() => page.getByText('3 contacts').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await app.expectAccessible();
    await app.screenshot('segment-builder', { readme: true, fullPage: true });
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.waitForURL((url) => /^\/segments\/(?!new$)[^/]+$/.test(url.pathname));
    await heading(page, SEGMENT).waitFor();
    // The members list fills as the segment is built in the background.
    for (const email of SUBSCRIBERS)
      await expect
        .poll(
          async () => {
            if ((await page.getByText(email).count()) > 0) return true;
            await page.reload();
            await heading(page, SEGMENT).waitFor();
            return (await page.getByText(email).count()) > 0;
          },
          { timeout: 60_000, interval: 2_000 },
        )
        .toBe(true);
    await app.expectAccessible();
    expectApiFine(app);
  });

  it('edits a template in Spanish and previews it in Spanish', async () => {
    const app = await signIn('/templates');
    const { page } = app;
    await heading(page, 'Templates').waitFor();
    await app.expectAccessible();
    await page
      .getByRole('link', { name: /welcome/i })
      .first()
      .click();
    await page.getByLabel('Subject line').first().waitFor();
    await page.getByLabel('Editing language').selectOption('es');
    await page.getByLabel('Subject line').fill(SPANISH_SUBJECT);
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText(/Saved as version \d+\./).waitFor();

    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByLabel('Language', { exact: true }).selectOption('es');
    await expect
      .poll(() => preview.getByTestId('preview-subject').textContent(), { timeout: 30_000 })
      .toMatch(/^¡Hola \S+, te damos la bienvenida!$/);
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await expect.poll(() => frame.locator('body').textContent(), { timeout: 15_000 }).not.toBe('');
    await preview.getByLabel('Screen').selectOption('phone');
    await app.expectAccessible();
    await app.screenshot('template-preview-es', { readme: true, fullPage: true });
    expectApiFine(app);
  });

  it('creates and sends a campaign to the segment, watches it reach sent, and the email is in the SES store', async () => {
    const app = await signIn('/campaigns/new');
    const { page } = app;
    await heading(page, 'New campaign').waitFor();
    await page.getByLabel('Campaign name').fill(CAMPAIGN);
    await page.getByLabel('Segment').selectOption({ label: SEGMENT });
    await expect.poll(() => page.getByText(/\b3\b/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Template').selectOption({ label: 'Welcome' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('When').selectOption('now');
    await page.getByRole('button', { name: 'Next' }).click();
    await heading(page, 'New campaign').waitFor();
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Create and send' }).click();
    await page.waitForURL((url) => /^\/campaigns\/(?!new$)[^/]+$/.test(url.pathname));
    campaignPath = new URL(page.url()).pathname;
    await heading(page, CAMPAIGN).waitFor();
    // The page polls the campaign's progress: its status badge turns to Sent, all 3 recipients done.
    await expect
      .poll(() => page.getByTestId('campaign-status').textContent(), { timeout: 80_000, interval: 1_000 })
      .toBe('Sent');
    await expect
      .poll(() => page.getByRole('region', { name: 'Sending progress' }).textContent(), { timeout: 20_000 })
      .toMatch(/\b3 of 3\b/);
    await app.expectAccessible();
    await app.screenshot('campaign-sent', { readme: true, fullPage: true });
    expectApiFine(app);

    // The Spanish-speaking subscriber got the Spanish version edited above; each got exactly one.
    await stack.idle();
    const mails = await readStoredEmails(stack.sesEndpoint, { since: startedAt });
    for (const email of SUBSCRIBERS) {
      const theirs = mails.filter(
        (m) => m.destination.to.some((to) => to.includes(email)) && !/test/i.test(m.subject),
      );
      expect(theirs, email).toHaveLength(1);
    }
    const ana = mails.find((m) => m.destination.to.some((to) => to.includes('ana.garcia@example.com')));
    expect(ana?.subject).toBe('¡Hola Ana, te damos la bienvenida!');
  });

  it('finds a contact by name and sees the campaign’s email, sent, on the timeline', async () => {
    const app = await signIn('/contacts');
    const { page } = app;
    await heading(page, 'Contacts').waitFor();
    await page.getByLabel('Find a contact').fill('ana gar');
    await page
      .getByRole('link', { name: /Ana García|ana\.garcia@example\.com/ })
      .first()
      .click();
    await heading(page, /Ana García/).waitFor();
    // Sent and nothing more: no SES feedback yet, the email is read from the campaign's chunks.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const sent = timeline.getByRole('listitem').filter({ has: page.locator(`a[href="${campaignPath}"]`) });
    await expect.poll(() => sent.textContent(), { timeout: 10_000 }).toMatch(/Email “Welcome”\s*Sent/);
    expect(campaignPath).toMatch(/^\/campaigns\/cmp_/);
    await app.expectAccessible();
    await app.screenshot('contact-timeline', { readme: true, fullPage: true });
    expectApiFine(app);
  });

  it('switches to Traditional Chinese: the language, the formats and <html lang> follow', async () => {
    const app = await signIn('/contacts');
    const { page } = app;
    await page.getByLabel('Language', { exact: true }).first().selectOption('zh-Hant');
    await heading(page, '聯絡人').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    await expect.poll(() => page.getByRole('navigation').first().textContent()).toContain('聯絡人');
    await app.expectAccessible();
    await app.screenshot('contacts-zh-hant', { readme: true });
    // The choice holds on the next visit.
    await page.reload();
    await heading(page, '聯絡人').waitFor();
    expectApiFine(app);
  });

  it('every page of the console loads without a console error and without a serious axe violation', async () => {
    const app = await signIn('/');
    const { page } = app;
    const pages: [string, string][] = [
      ['/', 'Dashboard'],
      ['/contacts', 'Contacts'],
      ['/segments', 'Segments'],
      ['/templates', 'Templates'],
      ['/campaigns', 'Campaigns'],
      ['/journeys', 'Journeys'],
      ['/scoring', 'Lead scoring'],
      ['/storefronts', 'Storefronts'],
      ['/settings', 'Settings'],
    ];
    for (const [path, title] of pages) {
      await page.getByRole('navigation').first().getByRole('link', { name: title, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await heading(page, title).waitFor();
      await page.waitForLoadState('networkidle');
      await app.expectAccessible();
    }
    expectApiFine(app);
  });
});
