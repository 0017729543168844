/**
 * Email templates over HTTP and the CLI on the local stack: versions, refusals naming the field and
 * line, preview with a contact's data in its locale, the shipped defaults.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoKeys, seedDemoData } from '../../infra/local/demo-data.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { SHIPPED_TEMPLATES } from '../../templates/index.ts';
import { type Client, client, ecrmCli, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;

const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const mjml = (text: string) =>
  `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>${text}</mj-text>
        <mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

const body = (text: string, extra: Record<string, unknown> = {}) => ({
  name: 'Promo',
  kind: 'marketing',
  locales: {
    en: { subject: 'Hi {{ contact.firstName }}', mjml: mjml(`EN ${text} {{ contact.firstName }}`) },
    es: { subject: 'Hola {{ contact.firstName }}', mjml: mjml(`ES ${text} {{ contact.firstName }}`) },
  },
  ...extra,
});

beforeAll(async () => {
  stack = await startStack();
  ws = await workspaceWithKeys(stack);
  api = client(stack, ws.admin);
});

afterAll(() => stack?.stop());

describe('templates API', () => {
  it('saves versions: the first PUT creates (201), the next adds a version (200); old versions stay readable', async () => {
    const first = await api.put('/v1/templates/promo', body('one'));
    expect(first.status).toBe(201);
    expect(field(first.body, 'latestVersion')).toBe(1);
    const second = await api.put('/v1/templates/promo', body('two'));
    expect(second.status).toBe(200);
    expect(field(second.body, 'latestVersion')).toBe(2);

    const latest = await api.get('/v1/templates/promo');
    expect(field(latest.body, 'version')).toBe(2);
    expect(String(field(latest.body, 'locales', 'en', 'html'))).toContain('EN two');
    const v1 = await api.get('/v1/templates/promo?version=1');
    expect(String(field(v1.body, 'locales', 'es', 'html'))).toContain('ES one');
    expect(String(field(v1.body, 'locales', 'es', 'text'))).toContain('ES one');
    expect(field(v1.body, 'locales', 'es', 'textGenerated')).toBe(true);
    expect((await api.get('/v1/templates/promo?version=3')).status).toBe(404);

    const versions = await api.get('/v1/templates/promo/versions');
    expect(items(field(versions.body, 'versions')).map((v) => field(v, 'version'))).toEqual([1, 2]);
    const list = await api.get('/v1/templates');
    expect(JSON.stringify(list.body)).toContain('"id":"promo"');
  });

  it('refuses bad MJML and unknown filters with 422 naming the field and the line', async () => {
    const bad = await api.put('/v1/templates/bad', {
      ...body('x'),
      locales: {
        es: { subject: 'Hola', mjml: mjml('x').replace('<mj-text>x', '<mj-nope>x</mj-nope>\n<mj-text>x') },
      },
    });
    expect(bad.status).toBe(422);
    expect(field(bad.body, 'error', 'issues', 0, 'path')).toBe('locales.es.mjml');
    expect(String(field(bad.body, 'error', 'issues', 0, 'message'))).toMatch(/^line 5: /);
    const filter = await api.put('/v1/templates/bad', {
      ...body('x'),
      locales: { en: { subject: 'Hi {{ contact.email | valueOf }}', mjml: mjml('x') } },
    });
    expect(filter.status).toBe(422);
    expect(field(filter.body, 'error', 'issues', 0)).toEqual({
      path: 'locales.en.subject',
      message: 'line 1: undefined filter: valueOf',
    });
    const noFooter = await api.put('/v1/templates/bad', {
      name: 'x',
      kind: 'marketing',
      locales: { en: { subject: 'x', html: '<p>no links</p>' } },
    });
    expect(noFooter.status).toBe(422);
    expect(String(field(noFooter.body, 'error', 'message'))).toMatch(/unsubscribe_url/);
    expect((await api.get('/v1/templates/bad')).status).toBe(404);
  });

  it('previews for a contact in its locale with the data given; missing data is a reason', async () => {
    const made = await api.post('/v1/contacts', {
      email: 'lucia@example.com',
      firstName: 'Lucía',
      locale: 'es-MX',
    });
    const contactId = String(field(made.body, 'contact', 'id'));
    const preview = await api.post('/v1/templates/promo/preview', { contactId });
    expect(preview.status).toBe(200);
    // The workspace has no postal address yet: a marketing email must not render.
    expect(preview.body).toEqual({
      ok: false,
      version: 2,
      reason: 'a marketing email needs the workspace postal address',
    });

    await api.put('/v1/templates/note', {
      name: 'Note',
      kind: 'transactional',
      locales: {
        en: { subject: 'For {{ contact.firstName }}', html: '<p>{{ data.note }}</p>' },
        es: { subject: 'Para {{ contact.firstName }}', html: '<p>{{ data.note }}</p>' },
      },
    });
    const ok = await api.post('/v1/templates/note/preview', { contactId, data: { note: '<b>hola</b>' } });
    expect(field(ok.body, 'ok')).toBe(true);
    expect(field(ok.body, 'email', 'locale')).toBe('es');
    expect(field(ok.body, 'email', 'subject')).toBe('Para Lucía');
    expect(field(ok.body, 'email', 'html')).toBe('<p>&lt;b&gt;hola&lt;/b&gt;</p>');
    const english = await api.post('/v1/templates/note/preview', {
      contactId,
      locale: 'en',
      data: { note: 'x' },
    });
    expect(field(english.body, 'email', 'subject')).toBe('For Lucía');
    const missing = await api.post('/v1/templates/note/preview', { contactId });
    expect(missing.body).toEqual({
      ok: false,
      version: 1,
      reason: 'missing data: data.note is not set, needed by the es html (line 1)',
    });
    expect((await api.post('/v1/templates/note/preview', { contactId: `c_${'0'.repeat(26)}` })).status).toBe(
      404,
    );
  });

  it('installs the shipped defaults once, keeps them on a second call, and previews one in Traditional Chinese', async () => {
    const first = await api.post('/v1/templates/defaults', {});
    expect(first.status).toBe(200);
    expect(items(field(first.body, 'installed')).length).toBe(SHIPPED_TEMPLATES.length);
    const second = await api.post('/v1/templates/defaults', {});
    expect(field(second.body, 'installed')).toEqual([]);
    expect(items(field(second.body, 'kept')).length).toBe(SHIPPED_TEMPLATES.length);
    const made = await api.post('/v1/contacts', {
      email: 'mei@example.com',
      firstName: '美玲',
      locale: 'zh-TW',
    });
    const contactId = String(field(made.body, 'contact', 'id'));
    const preview = await api.post('/v1/templates/double-opt-in/preview', {
      contactId,
      data: { confirm_url: 'https://ecrm.example/confirm/abc' },
    });
    expect(field(preview.body, 'email', 'locale')).toBe('zh-Hant');
    expect(field(preview.body, 'email', 'subject')).toBe('請確認您的訂閱');
    expect(String(field(preview.body, 'email', 'html'))).toContain('href="https://ecrm.example/confirm/abc"');
  });

  it("previews with the contact's working signed links: the unsubscribe page and the confirmation page open for that contact", async () => {
    const settings = await api.get('/v1/workspace/email-settings');
    expect(
      (
        await api.put('/v1/workspace/email-settings', {
          ...(typeof settings.body === 'object' ? settings.body : {}),
          postalAddress: 'Calle Mayor 1, 28013 Madrid',
        })
      ).status,
    ).toBe(200);
    const made = await api.post('/v1/contacts', {
      email: 'rosa@example.com',
      firstName: 'Rosa',
      locale: 'es',
    });
    const contactId = String(field(made.body, 'contact', 'id'));
    const preview = await api.post('/v1/templates/promo/preview', { contactId });
    expect(field(preview.body, 'ok')).toBe(true);
    expect(field(preview.body, 'links')).toBe('signed');
    const html = String(field(preview.body, 'email', 'html'));
    expect(html).not.toContain('example.invalid');
    const unsubscribe = /href="([^"]+)"[^>]*>Unsubscribe</.exec(html)?.[1] ?? '';
    expect(unsubscribe.startsWith(`${stack.apiUrl}/u/`)).toBe(true);
    const page = await fetch(unsubscribe, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('<html lang="es">');
    // The page is that contact's: its masked address.
    expect(text).toContain('r***@example.com');

    // The double opt-in template gets the contact's confirmation link as its sender builds it.
    const confirm = await api.post('/v1/templates/double-opt-in/preview', { contactId });
    expect(field(confirm.body, 'ok')).toBe(true);
    const confirmUrl =
      /href="([^"]*\/c\/[^"]+)"/.exec(String(field(confirm.body, 'email', 'html')))?.[1] ?? '';
    expect(confirmUrl.startsWith(`${stack.apiUrl}/c/`)).toBe(true);
    expect((await fetch(confirmUrl, { redirect: 'manual' })).status).toBe(200);

    // Working links: a read-only key may not ask for them.
    expect((await client(stack, ws.read).post('/v1/templates/promo/preview', { contactId })).status).toBe(
      403,
    );
    expect((await client(stack, ws.write).post('/v1/templates/promo/preview', { contactId })).status).toBe(
      200,
    );
  });

  it('scopes: read may read, not save, install or preview', async () => {
    const read = client(stack, ws.read);
    expect((await read.get('/v1/templates')).status).toBe(200);
    expect((await read.put('/v1/templates/x', body('x'))).status).toBe(403);
    expect((await read.post('/v1/templates/defaults', {})).status).toBe(403);
  });
});

describe('the demo workspace of npm start', () => {
  it('has the shipped templates', async () => {
    const keys = await createDemoKeys(stack.table);
    await seedDemoData(stack.apiUrl, keys);
    const listed = await client(stack, keys.apiKey).get('/v1/templates');
    expect(items(field(listed.body, 'templates')).map((t) => field(t, 'id'))).toEqual(
      expect.arrayContaining(['welcome', 'double-opt-in', 'abandoned-checkout', 'mql-alert']),
    );
    expect(items(field(listed.body, 'templates'))).toHaveLength(SHIPPED_TEMPLATES.length);
  });
});

describe('ecrm template (CLI)', () => {
  it('saves from a file, lists, reads versions and previews', async () => {
    const other = await workspaceWithKeys(stack);
    const dir = mkdtempSync(join(tmpdir(), 'ecrm-template-cli-'));
    const file = join(dir, 'receipt.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Receipt',
        kind: 'transactional',
        locales: { en: { subject: 'Receipt {{ data.orderId }}', html: '<p>Order {{ data.orderId }}</p>' } },
      }),
    );
    const saved = await ecrmCli(stack, other.admin, 'template', 'save', '--id', 'receipt', '--file', file);
    expect(field(saved, 'latestVersion')).toBe(1);
    expect(field(await ecrmCli(stack, other.admin, 'template', 'list'), 'templates', 0, 'id')).toBe(
      'receipt',
    );
    expect(
      field(
        await ecrmCli(stack, other.admin, 'template', 'versions', '--id', 'receipt'),
        'versions',
        0,
        'version',
      ),
    ).toBe(1);
    expect(
      field(
        await ecrmCli(stack, other.admin, 'template', 'get', '--id', 'receipt', '--version', '1'),
        'name',
      ),
    ).toBe('Receipt');
    const made = await client(stack, other.admin).post('/v1/contacts', { email: 'cli@example.com' });
    const preview = await ecrmCli(
      stack,
      other.admin,
      'template',
      'preview',
      '--id',
      'receipt',
      '--contact',
      String(field(made.body, 'contact', 'id')),
      '--data',
      '{"orderId":"1042"}',
    );
    expect(field(preview, 'email', 'subject')).toBe('Receipt 1042');
    const installed = await ecrmCli(stack, other.admin, 'template', 'install-defaults');
    expect(items(field(installed, 'installed')).length).toBe(SHIPPED_TEMPLATES.length);
  });
});
