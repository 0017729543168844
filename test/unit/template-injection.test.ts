/**
 * The hardened Liquid renderer: data rendered into a template never executes, never reaches a
 * prototype, HTML and script from data are escaped, CR/LF from data never leaves one line, and a
 * template can neither read a file nor the environment.
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import type { RenderInput } from '../../lib/email/ports.ts';
import { liquidEngine } from '../../lib/templates/liquid-engine.ts';
import { loadVersion } from '../../lib/templates/render.ts';
import type { TemplateVersionRecord } from '../../lib/templates/template.schema.ts';
import { DEFAULT_EMAIL_SETTINGS } from '../../lib/workspaces/email-settings.schema.ts';

const contact = (over: Partial<Contact> = {}): Contact => ({
  ...emptyContact('ws_test', 'c_test', 'api', '2026-01-01T00:00:00.000Z'),
  email: 'ana@example.com',
  ...over,
});

const version = (html: string, subject = 'Hi', text = 'text'): TemplateVersionRecord => ({
  type: 'templateVersion',
  v: 1,
  workspaceId: 'ws_test',
  templateId: 't',
  version: 1,
  name: 't',
  kind: 'transactional',
  locales: { en: { subject, format: 'html', source: html, html, text, textGenerated: false } },
  createdAt: '2026-01-01T00:00:00.000Z',
});

const input = (over: Partial<RenderInput> = {}): RenderInput => ({
  contact: contact(),
  settings: DEFAULT_EMAIL_SETTINGS,
  workspaceName: 'Shop',
  ...over,
});

const render = (html: string, over: Partial<RenderInput> = {}, subject?: string, text?: string) =>
  loadVersion(version(html, subject, text)).render(input(over));

const html = (html: string, over: Partial<RenderInput> = {}): string => {
  const out = render(html, over);
  if (!out.ok) throw new Error(out.reason);
  return out.email.html;
};

describe('data never executes', () => {
  it.each([
    ['{{ 7 | times: 6 }}'],
    ['{% assign x = 1 %}{{ x }}'],
    ["{% include '/etc/passwd' %}"],
    ['{{ x | valueOf }}'],
    ['{{ contact.constructor.constructor }}'],
    ['{{ "" | append: process.env.AWS_SECRET_ACCESS_KEY }}'],
  ])('Liquid in a contact field renders as inert text: %s', (payload) => {
    const out = html('<p>{{ contact.firstName }}</p>', { contact: contact({ firstName: payload }) });
    expect(out).not.toContain('42');
    expect(out).not.toContain('{{');
    expect(out).not.toContain('{%');
    // Every character of the payload is there, as text (braces as entities).
    expect(
      out
        .replace(/&#123;/g, '{')
        .replace(/&#125;/g, '}')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"'),
    ).toBe(`<p>${payload}</p>`);
  });

  it('Liquid in trigger data and attributes is inert too', () => {
    const out = html('{{ data.note }}|{{ contact.attributes.plan }}', {
      data: { note: '{{ workspace.name }}' },
      contact: contact({ attributes: { plan: '{% if true %}pwned{% endif %}' } }),
    });
    expect(out).toBe(
      '&#123;&#123; workspace.name &#125;&#125;|&#123;% if true %&#125;pwned&#123;% endif %&#125;',
    );
  });
});

describe('HTML and script from data are escaped', () => {
  it('in text and in attributes', () => {
    const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const out = html('<a title="{{ contact.lastName }}">{{ contact.lastName }}</a>', {
      contact: contact({ lastName: payload }),
    });
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/title="[^"]*"[^>]/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&quot;&gt;');
  });

  it('raw does not exist: a template cannot turn escaping off', () => {
    expect(() => liquidEngine('html', 'en').parse('{{ contact.firstName | raw }}')).toThrow(
      /undefined filter: raw/,
    );
  });

  it('escape filters do not escape a second time', () => {
    expect(html('{{ data.x | escape }}', { data: { x: 'a & b' } })).toBe('a &amp; b');
  });
});

describe('prototypes are out of reach', () => {
  it.each([
    ['{{ contact.constructor }}'],
    ['{{ contact.__proto__ }}'],
    ['{{ contact["constructor"]["name"] }}'],
    ['{{ contact.email.constructor }}'],
    ['{{ data.toString }}'],
    ['{{ contact.tags.constructor }}'],
  ])('%s fails the recipient as missing data, never renders a prototype member', (template) => {
    const out = render(template);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(/^missing data: /);
  });

  it('a __proto__ key in data neither pollutes nor is reachable', () => {
    const data: unknown = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"x": 1}}}',
    );
    const out = render('{{ data.__proto__.polluted }}', {
      data: typeof data === 'object' && data !== null ? Object.fromEntries(Object.entries(data)) : {},
    });
    expect(out.ok).toBe(false);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(
      render('{% if data.constructor %}x{% else %}none{% endif %}', { data: { constructor: 1 } }),
    ).toMatchObject({ ok: true, email: { html: 'none' } });
  });

  it('a value with a getter or a function in data is dropped, never called', () => {
    let called = false;
    const data = {
      get secret() {
        called = true;
        return 'leak';
      },
      fn: () => 'ran',
    };
    const out = render('{{ data.secret | default: "none" }}-{{ data.fn | default: "none" }}', { data });
    expect(out).toMatchObject({ ok: true, email: { html: 'none-none' } });
    expect(called).toBe(false);
  });
});

describe('unknown filters and file or environment access', () => {
  it('an unknown filter is a parse error with its line', () => {
    expect(() => liquidEngine('html', 'en').parse('a\nb\n{{ x | valueOf }}')).toThrow(
      /undefined filter: valueOf, line:3/,
    );
  });

  it.each([
    ["{% include 'README.md' %}"],
    ["{% render '/etc/passwd' %}"],
    ["{% layout '../package.json' %}"],
    ['{% block x %}{% endblock %}'],
  ])('%s: no tag reads a file', (template) => {
    expect(() => liquidEngine('html', 'en').parse(template)).toThrow(/not found/);
  });

  it('the environment is not a variable', () => {
    process.env.ECRM_TEST_SECRET = 'top-secret';
    for (const t of [
      '{{ env.ECRM_TEST_SECRET }}',
      '{{ process.env.ECRM_TEST_SECRET }}',
      '{{ ECRM_TEST_SECRET }}',
    ]) {
      const out = render(t);
      expect(out.ok).toBe(false);
      expect(JSON.stringify(out)).not.toContain('top-secret');
    }
  });

  it('a render that grows without bound stops at the memory limit', () => {
    const out = render('{% for i in (1..100000000) %}x{% endfor %}');
    expect(out).toMatchObject({ ok: false });
    if (!out.ok) expect(out.reason).toMatch(/limit/);
  });

  it('a source past the parse limit is refused', () => {
    expect(() => liquidEngine('html', 'en').parse('x'.repeat(300_000))).toThrow(/limit/);
  });
});

describe('CR/LF from data never leaves its line', () => {
  it('in the subject, preheader and text part', () => {
    const evil = 'Ana\r\nBcc: victim@example.com\nX-Evil: 1';
    const out = render(
      '<p>{{ contact.firstName }}</p>',
      { contact: contact({ firstName: evil }) },
      'Hello {{ contact.firstName }}',
      'Dear {{ contact.firstName }},\nbye',
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.email.subject).toBe('Hello Ana Bcc: victim@example.com X-Evil: 1');
    expect(out.email.subject).not.toMatch(/[\r\n]/);
    // The template's own line break stays; the data's are gone (a CRLF run is one space).
    expect(out.email.text).toBe('Dear Ana Bcc: victim@example.com X-Evil: 1,\nbye');
  });
});

describe('missing data fails one recipient with a reason', () => {
  it('names the variable; a default or an if make it optional', () => {
    const out = render('<p>\n{{ contact.firstName }}</p>');
    expect(out).toEqual({
      ok: false,
      reason: 'missing data: contact.firstName is not set, needed by the en html (line 2)',
    });
    expect(html('{{ contact.firstName | default: "there" }}')).toBe('there');
    expect(html('{% if contact.firstName %}x{% else %}y{% endif %}')).toBe('y');
  });
});
