/**
 * Stored templates on DynamoDB Local: a send keeps its version, two saves never both win, the send
 * path's port loads exactly what preview renders.
 */
import { describe, expect, it } from 'vitest';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import type { RenderInput } from '../../lib/email/ports.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { ConflictError } from '../../lib/shared/errors.ts';
import { installDefaults } from '../../lib/templates/install-defaults.ts';
import { saveTemplate } from '../../lib/templates/manage-templates.ts';
import { mjmlCompiler } from '../../lib/templates/mjml-compiler.ts';
import { PLACEHOLDER_LINKS, previewTemplate } from '../../lib/templates/preview-template.ts';
import { saveTemplateBody } from '../../lib/templates/template.schema.ts';
import { templatePort } from '../../lib/templates/template-port.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { DEFAULT_EMAIL_SETTINGS } from '../../lib/workspaces/email-settings.schema.ts';
import { newWorkspace, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-06-01T12:00:00.000Z');

const setup = async () => {
  const base = realDeps(clock);
  const ws = await newWorkspace(base);
  const templates = templatesRepository(base.table);
  return { ...base, ws, templates, compiler: mjmlCompiler };
};

const note = (text: string) =>
  saveTemplateBody.parse({
    name: 'Note',
    kind: 'transactional',
    locales: { en: { subject: 'About {{ data.topic }}', html: `<p>${text} {{ contact.email }}</p>` } },
  });

describe('stored templates', () => {
  it('a send keeps its version: loading v1 after v2 was saved renders v1', async () => {
    const deps = await setup();
    await saveTemplate(deps.ws, 'note', note('first'), deps);
    await saveTemplate(deps.ws, 'note', note('second'), deps);
    const port = templatePort({ templates: deps.templates });
    const contact = (
      await upsertContact(deps.ws, upsertContactBody.parse({ email: 'a@example.com' }), 'api', deps)
    ).contact;
    const input: RenderInput = {
      contact,
      settings: DEFAULT_EMAIL_SETTINGS,
      workspaceName: 'W',
      data: { topic: 'tea' },
    };
    const v1 = await port.load(deps.ws, { templateId: 'note', version: 1 });
    const v2 = await port.load(deps.ws, { templateId: 'note', version: 2 });
    expect(v1?.render(input)).toMatchObject({
      ok: true,
      email: { html: '<p>first a@example.com</p>', subject: 'About tea' },
    });
    expect(v2?.render(input)).toMatchObject({ ok: true, email: { html: '<p>second a@example.com</p>' } });
    expect(await port.load(deps.ws, { templateId: 'note', version: 3 })).toBeUndefined();
    expect(await port.load(deps.ws, { templateId: 'other', version: 1 })).toBeUndefined();
  });

  it('two saves from the same version: one wins, the other is a conflict; versions are never overwritten', async () => {
    const deps = await setup();
    const first = await saveTemplate(deps.ws, 'race', note('base'), deps);
    const head = first.template;
    // Another save landed after this one read the head.
    await saveTemplate(deps.ws, 'race', note('winner'), deps);
    const stale = await deps.templates.saveVersion(
      { ...head, latestVersion: 2 },
      { ...first.version, version: 2 },
      1,
    );
    expect(stale).toBe(false);
    expect((await deps.templates.getVersion(deps.ws, 'race', 2))?.locales.en?.source).toContain('winner');
    const racing = await Promise.allSettled([
      saveTemplate(deps.ws, 'race', note('a'), deps),
      saveTemplate(deps.ws, 'race', note('b'), deps),
    ]);
    const rejected = racing.filter((r) => r.status === 'rejected');
    for (const r of rejected) expect(r.reason).toBeInstanceOf(ConflictError);
    const versions = await deps.templates.listVersions(deps.ws, 'race');
    expect(versions.map((v) => v.version)).toEqual(
      Array.from({ length: 2 + racing.length - rejected.length }, (_, i) => i + 1),
    );
  });

  it('preview renders exactly what the send path renders', async () => {
    const deps = await setup();
    await installDefaults(deps.ws, { only: ['abandoned-checkout'] }, deps);
    const contact = (
      await upsertContact(
        deps.ws,
        upsertContactBody.parse({ email: 'p@example.com', firstName: 'Paola', locale: 'it-IT' }),
        'api',
        deps,
      )
    ).contact;
    const data = {
      lineItems: [{ name: 'Moka', quantity: 1, unitPrice: 3490 }],
      total: 3490,
      currency: 'EUR',
      recoveryUrl: 'https://shop.example/r/1',
    };
    const settings = { ...DEFAULT_EMAIL_SETTINGS, postalAddress: 'Via Roma 1, 00100 Roma' };
    const workspaces = {
      get: async (id: string) => {
        const w = await deps.workspaces.get(id);
        return w ? { ...w, settings: { ...w.settings, email: settings } } : undefined;
      },
    };
    const preview = await previewTemplate(
      deps.ws,
      'abandoned-checkout',
      { contactId: contact.id, data },
      { templates: deps.templates, contacts: deps.contacts, workspaces },
    );
    const loaded = await templatePort({ templates: deps.templates }).load(deps.ws, {
      templateId: 'abandoned-checkout',
      version: 1,
    });
    const sent = loaded?.render({
      contact,
      settings,
      workspaceName: (await deps.workspaces.get(deps.ws))?.name ?? '',
      links: PLACEHOLDER_LINKS,
      data,
    });
    expect(preview).toEqual({
      ok: true,
      version: 1,
      links: 'placeholders',
      ...(sent?.ok ? { email: sent.email } : {}),
    });
    expect(sent?.ok && sent.email.locale).toBe('it');
    expect(sent?.ok && sent.email.html).toContain('34,90\u00a0€');
  });
});
