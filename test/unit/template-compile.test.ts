/**
 * Saving a template: Liquid and MJML checked with the field, line and reason; MJML compiled once and
 * the text generated; marketing templates must show the unsubscribe link and the postal address. And
 * every shipped template, in every locale, compiles and renders with its documented data.
 */
import { describe, expect, it } from 'vitest';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import type { RecipientLinks, RenderInput } from '../../lib/email/ports.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import { compileTemplate } from '../../lib/templates/compile-template.ts';
import { mjmlCompiler } from '../../lib/templates/mjml-compiler.ts';
import { loadVersion } from '../../lib/templates/render.ts';
import { type SaveTemplateInput, saveTemplateBody } from '../../lib/templates/template.schema.ts';
import { emailSettingsSchema, SHIPPED_LOCALES } from '../../lib/workspaces/email-settings.schema.ts';
import { SHIPPED_TEMPLATES } from '../../templates/index.ts';

const mjml = (body: string) =>
  `<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n${body}\n</mj-column>\n</mj-section>\n</mj-body>\n</mjml>`;
const FOOTER =
  '<mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</mj-text>';

const input = (over: Partial<SaveTemplateInput> = {}): SaveTemplateInput =>
  saveTemplateBody.parse({
    name: 'Test',
    kind: 'marketing',
    locales: {
      en: {
        subject: 'Hi {{ contact.firstName | default: "you" }}',
        mjml: mjml(`<mj-text>Hello</mj-text>\n${FOOTER}`),
      },
    },
    ...over,
  });

const refusal = async (body: SaveTemplateInput) => {
  try {
    await compileTemplate(body, mjmlCompiler);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('the template was accepted');
};

describe('saving a template', () => {
  it('compiles MJML once to responsive HTML with Liquid kept, and generates the text part', async () => {
    const out = await compileTemplate(input(), mjmlCompiler);
    const en = out.en;
    expect(en?.format).toBe('mjml');
    expect(en?.html).toMatch(/^<!doctype html>/);
    expect(en?.html).toContain('<html lang="en"');
    expect(en?.html).toContain('href="{{ unsubscribe_url }}"');
    expect(en?.textGenerated).toBe(true);
    expect(en?.text).toContain('Hello');
    expect(en?.text).toContain('Unsubscribe [{{ unsubscribe_url }}]');
  });

  it('puts the preheader in the preview text when the body does not place it itself', async () => {
    const out = await compileTemplate(
      input({
        locales: {
          en: { subject: 'x', preheader: 'Peek {{ contact.firstName | default: "" }}', mjml: mjml(FOOTER) },
          es: {
            subject: 'x',
            preheader: 'Vistazo',
            html: `<html><body class="b"><p>Hola</p>${FOOTER}</body></html>`,
          },
        },
      }),
      mjmlCompiler,
    );
    const loaded = loadVersion({
      type: 'templateVersion',
      v: 1,
      workspaceId: 'ws_test',
      templateId: 't',
      version: 1,
      name: 't',
      kind: 'marketing',
      locales: out,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const render = (locale: string) =>
      loaded.render({
        contact: {
          ...emptyContact('ws_test', 'c_1', 'api', '2026-01-01T00:00:00.000Z'),
          firstName: 'Ana',
          locale,
        },
        settings: emailSettingsSchema.parse({ postalAddress: 'Calle Mayor 1, Madrid' }),
        workspaceName: 'W',
        links: {
          unsubscribeUrl: 'https://u.example',
          oneClickUrl: 'https://u.example/1',
          preferencesUrl: 'https://u.example/p',
        },
      });
    const en = render('en');
    const es = render('es');
    if (!en.ok || !es.ok) throw new Error('not rendered');
    expect(en.email.preheader).toBe('Peek Ana');
    expect(en.email.html).toMatch(/<div style="display:none[^"]*">Peek Ana<\/div>/);
    expect(es.email.html).toContain('<body class="b"><div style="display:none;');
    expect(es.email.html).toContain('>Vistazo</div><p>Hola</p>');
    // The preview text is not repeated in the text part.
    expect(es.email.text).not.toContain('Vistazo');
    expect(out.es?.source).not.toContain('Vistazo</div>');
  });

  it('refuses MJML that does not compile, with the field and the line', async () => {
    const issues = await refusal(
      input({
        locales: {
          es: { subject: 'Hola', mjml: mjml(`<mj-text>ok</mj-text>\n<mj-bogus>x</mj-bogus>\n${FOOTER}`) },
        },
      }),
    );
    expect(issues).toEqual([
      { path: 'locales.es.mjml', message: "line 6: Element mj-bogus doesn't exist or is not registered" },
    ]);
  });

  it('refuses an unknown filter, with the field and the line', async () => {
    const issues = await refusal(
      input({
        locales: {
          fr: {
            subject: 'Bonjour',
            mjml: mjml(`<mj-text>{{ contact.email | valueOf }}</mj-text>\n${FOOTER}`),
          },
        },
      }),
    );
    expect(issues).toEqual([{ path: 'locales.fr.mjml', message: 'line 5: undefined filter: valueOf' }]);
    const subject = await refusal(
      input({ locales: { en: { subject: 'Hi {{ x | nope }}', html: `<p>${FOOTER}</p>` } } }),
    );
    expect(subject[0]?.path).toBe('locales.en.subject');
    expect(subject[0]?.message).toMatch(/^line 1: undefined filter: nope/);
  });

  it('refuses broken Liquid, unknown variables and file tags', async () => {
    const broken = await refusal(
      input({ locales: { it: { subject: 'x', html: `{% if x %}open\n${FOOTER}` } } }),
    );
    expect(broken[0]?.path).toBe('locales.it.html');
    const unknown = await refusal(
      input({ locales: { en: { subject: 'x', html: `{{ customer.first_name }} ${FOOTER}` } } }),
    );
    expect(unknown[0]?.message).toMatch(/unknown variable customer/);
    const include = await refusal(
      input({ locales: { en: { subject: 'x', html: `{% include 'a' %} ${FOOTER}` } } }),
    );
    expect(include[0]?.message).toMatch(/tag "include" not found/);
    const mjInclude = await refusal(
      input({
        locales: { en: { subject: 'x', mjml: mjml(`<mj-include path="/etc/passwd" />\n${FOOTER}`) } },
      }),
    );
    expect(mjInclude).toEqual([
      { path: 'locales.en.mjml', message: 'line 5: mj-include is not allowed: a template is self-contained' },
    ]);
  });

  it('refuses a marketing template without the unsubscribe link or the postal address', async () => {
    const issues = await refusal(
      input({ locales: { en: { subject: 'x', mjml: mjml('<mj-text>No footer</mj-text>') } } }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      'a marketing template must show {{ unsubscribe_url }} (a visible unsubscribe link)',
      'a marketing template must show {{ workspace.postal_address }} (the postal address)',
    ]);
    const text = await refusal(
      input({ locales: { en: { subject: 'x', html: `<p>${FOOTER}</p>`, text: 'no links' } } }),
    );
    expect(text.map((i) => i.path)).toEqual(['locales.en.text', 'locales.en.text']);
    // Transactional email has no unsubscribe link to show, and may not use one.
    await expect(
      compileTemplate(
        input({ kind: 'transactional', locales: { en: { subject: 'x', html: '<p>Receipt</p>' } } }),
        mjmlCompiler,
      ),
    ).resolves.toBeDefined();
    const transactional = await refusal(
      input({
        kind: 'transactional',
        locales: { en: { subject: 'x', html: '<a href="{{ unsubscribe_url }}">u</a>' } },
      }),
    );
    expect(transactional[0]?.message).toMatch(/only in marketing templates/);
  });

  it.each([
    [
      'never output',
      '<p>{% if false %}<a href="{{ unsubscribe_url }}">u</a> {{ workspace.postal_address }}{% endif %}</p>',
    ],
    [
      'in an HTML comment',
      '<p>Hi</p><!-- <a href="{{ unsubscribe_url }}">u</a> {{ workspace.postal_address }} -->',
    ],
    ['not as a link', '<p>{{ unsubscribe_url | size }} {{ workspace.postal_address | size }}</p>'],
  ])(
    'refuses at send a marketing email whose unsubscribe link and postal address are %s',
    async (_, body) => {
      const text = 'Unsubscribe: {{ unsubscribe_url }} {{ workspace.postal_address }}';
      const compiled = await compileTemplate(
        input({ locales: { en: { subject: 'Hi', html: body, text } } }),
        mjmlCompiler,
      );
      const out = loadVersion({
        type: 'templateVersion',
        v: 1,
        workspaceId: 'ws_test',
        templateId: 'sneaky',
        version: 1,
        name: 'Sneaky',
        kind: 'marketing',
        locales: compiled,
        createdAt: '2026-01-01T00:00:00.000Z',
      }).render({
        contact: { ...emptyContact('ws_test', 'c_1', 'api', '2026-01-01T00:00:00.000Z'), firstName: 'Ana' },
        settings: emailSettingsSchema.parse({ postalAddress: 'Calle Mayor 1\n28013 Madrid, Spain' }),
        workspaceName: 'Shop',
        links: {
          unsubscribeUrl: 'https://ecrm.example/u/tok',
          oneClickUrl: 'https://ecrm.example/u/tok',
          preferencesUrl: 'https://ecrm.example/u/tok#preferences',
        },
      });
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.reason).toMatch(/unsubscribe link|postal address/);
    },
  );

  it('sends a marketing email whose link and multi-line postal address render where they can be seen', async () => {
    const compiled = await compileTemplate(
      input({
        locales: {
          en: {
            subject: 'Hi',
            html: "<p><a href='{{ unsubscribe_url }}'>Unsubscribe</a><br>{{ workspace.postal_address | newline_to_br }}</p>",
          },
        },
      }),
      mjmlCompiler,
    );
    const out = loadVersion({
      type: 'templateVersion',
      v: 1,
      workspaceId: 'ws_test',
      templateId: 'fine',
      version: 1,
      name: 'Fine',
      kind: 'marketing',
      locales: compiled,
      createdAt: '2026-01-01T00:00:00.000Z',
    }).render({
      contact: emptyContact('ws_test', 'c_1', 'api', '2026-01-01T00:00:00.000Z'),
      settings: emailSettingsSchema.parse({ postalAddress: "O'Brien & Co\n1 Main St, Springfield" }),
      workspaceName: 'Shop',
      links: {
        unsubscribeUrl: 'https://ecrm.example/u/tok',
        oneClickUrl: 'https://ecrm.example/u/tok',
        preferencesUrl: 'https://ecrm.example/u/tok#preferences',
      },
    });
    if (!out.ok) throw new Error(out.reason);
    expect(out.email.text).toContain('https://ecrm.example/u/tok');
  });

  it('the body schema refuses a two-line subject, a topic on transactional email and no body', () => {
    const bad = saveTemplateBody.safeParse({
      name: 'x',
      kind: 'transactional',
      topic: 'newsletter',
      locales: { en: { subject: 'a\nBcc: x@example.com' }, de: { subject: 'x', html: 'x' } },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['locales.en.subject', 'locales.en.mjml', 'topic', 'locales']),
    );
  });
});

describe('the shipped templates', () => {
  const links: RecipientLinks = {
    unsubscribeUrl: 'https://ecrm.example/u/tok',
    oneClickUrl: 'https://ecrm.example/u/tok/one-click',
    preferencesUrl: 'https://ecrm.example/u/tok?preferences',
  };
  const settings = emailSettingsSchema.parse({ postalAddress: 'Calle Mayor 1, 28013 Madrid, Spain' });
  const data: Record<string, unknown> = {
    shopUrl: 'https://shop.example',
    confirm_url: 'https://ecrm.example/confirm/tok',
    lineItems: [
      { name: 'Mug <blue>', quantity: 2, unitPrice: 1299 },
      { name: 'Tea', quantity: 1, unitPrice: 850 },
    ],
    total: 3448,
    currency: 'EUR',
    recoveryUrl: 'https://shop.example/recover/abc',
    orderId: '1042',
    reviewUrl: 'https://shop.example/review/1042',
    offerCode: 'COMEBACK10',
    articles: [{ title: 'Autumn range', summary: 'New colours.', url: 'https://shop.example/autumn' }],
    contact: { name: 'Ana García', email: 'ana@example.com', url: 'https://console.example/c/1' },
    score: 72,
    breakdown: [
      { label: 'Visited pricing 3 times', points: 30 },
      { label: 'Company size 50+', points: 42 },
    ],
    recent: [{ name: 'pricing_viewed', at: '2026-11-29T10:00:00.000Z' }],
  };

  it('are nine, each in the five locales', () => {
    expect(SHIPPED_TEMPLATES.map((t) => t.id)).toEqual([
      'welcome',
      'double-opt-in',
      'abandoned-checkout',
      'order-follow-up',
      'review-request',
      'win-back',
      'birthday',
      'newsletter',
      'mql-alert',
    ]);
    for (const t of SHIPPED_TEMPLATES) expect(Object.keys(t.locales)).toEqual([...SHIPPED_LOCALES]);
    expect(SHIPPED_TEMPLATES.filter((t) => t.kind === 'transactional').map((t) => t.id)).toEqual([
      'double-opt-in',
      'mql-alert',
    ]);
  });

  it.each(SHIPPED_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s compiles and renders in every locale',
    async (_, t) => {
      const compiled = await compileTemplate(
        saveTemplateBody.parse({ name: t.name, kind: t.kind, topic: t.topic, locales: t.locales }),
        mjmlCompiler,
      );
      const loaded = loadVersion({
        type: 'templateVersion',
        v: 1,
        workspaceId: 'ws_test',
        templateId: t.id,
        version: 1,
        name: t.name,
        kind: t.kind,
        locales: compiled,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      const subjects = new Set<string>();
      for (const locale of SHIPPED_LOCALES) {
        const render: RenderInput = {
          contact: {
            ...emptyContact('ws_test', 'c_1', 'api', '2026-01-01T00:00:00.000Z'),
            firstName: 'Ana',
            locale,
          },
          settings,
          workspaceName: 'Tienda Sol',
          links: t.kind === 'marketing' ? links : undefined,
          data,
        };
        const out = loaded.render(render);
        if (!out.ok) throw new Error(`${t.id} ${locale}: ${out.reason}`);
        const { html, text, subject } = out.email;
        expect(out.email.locale).toBe(locale);
        expect(html).toContain(`<html lang="${locale}"`);
        for (const part of [html, text, subject]) {
          expect(part).not.toMatch(/\{\{|\{%/);
          expect(part).not.toContain('undefined');
        }
        expect(text.length).toBeGreaterThan(50);
        expect(html).toContain('Tienda Sol');
        if (t.kind === 'marketing') {
          expect(html).toContain('href="https://ecrm.example/u/tok"');
          expect(html).toContain('Calle Mayor 1, 28013 Madrid, Spain');
          expect(text).toContain('https://ecrm.example/u/tok');
          expect(text).toContain('Calle Mayor 1');
        }
        subjects.add(subject);
      }
      // Five languages, five different subjects.
      expect(subjects.size).toBe(5);
    },
  );

  it('the abandoned checkout lists the items with prices in the locale, escaped', async () => {
    const t = SHIPPED_TEMPLATES.find((x) => x.id === 'abandoned-checkout');
    if (!t) throw new Error('missing');
    const compiled = await compileTemplate(
      saveTemplateBody.parse({ name: t.name, kind: t.kind, locales: t.locales }),
      mjmlCompiler,
    );
    const loaded = loadVersion({
      type: 'templateVersion',
      v: 1,
      workspaceId: 'ws_test',
      templateId: t.id,
      version: 1,
      name: t.name,
      kind: t.kind,
      locales: compiled,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const out = loaded.render({
      contact: { ...emptyContact('ws_test', 'c_1', 'api', '2026-01-01T00:00:00.000Z'), locale: 'es-MX' },
      settings,
      workspaceName: 'Tienda Sol',
      links,
      data,
    });
    if (!out.ok) throw new Error(out.reason);
    expect(out.email.locale).toBe('es');
    expect(out.email.html).toContain('Mug &lt;blue&gt; × 2');
    expect(out.email.html).toContain('25,98\u00a0€');
    expect(out.email.html).toContain('34,48\u00a0€');
    expect(out.email.text).toContain('Mug <blue> × 2');
  });

  it('the birthday names the contact and shows the treat only with a code', async () => {
    const t = SHIPPED_TEMPLATES.find((x) => x.id === 'birthday');
    if (!t) throw new Error('missing');
    const compiled = await compileTemplate(
      saveTemplateBody.parse({ name: t.name, kind: t.kind, locales: t.locales }),
      mjmlCompiler,
    );
    const loaded = loadVersion({
      type: 'templateVersion',
      v: 1,
      workspaceId: 'ws_test',
      templateId: t.id,
      version: 1,
      name: t.name,
      kind: t.kind,
      locales: compiled,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const render = (firstName: string | undefined, treat: Record<string, unknown>) => {
      const out = loaded.render({
        contact: {
          ...emptyContact('ws_test', 'c_1', 'api', '2026-01-01T00:00:00.000Z'),
          locale: 'fr',
          ...(firstName ? { firstName } : {}),
        },
        settings,
        workspaceName: 'Tienda Sol',
        links,
        data: treat,
      });
      if (!out.ok) throw new Error(out.reason);
      return out.email;
    };
    const withCode = render('Ana', { offerCode: 'BDAY15' });
    expect(withCode.subject).toMatch(/^Joyeux anniversaire, Ana\s!$/);
    expect(withCode.html).toContain('<strong>BDAY15</strong>');
    const without = render(undefined, {});
    expect(without.subject).toMatch(/^Joyeux anniversaire\s!$/);
    expect(without.html).not.toContain('<strong>');
    expect(without.text).not.toContain('code');
  });
});
