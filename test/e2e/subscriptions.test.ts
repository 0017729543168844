/**
 * Subscriptions over HTTP on the local stack: the pages behind unsubscribe links (GET shows, POST acts,
 * RFC 8058 one-click with no cookie, auth or redirect), tampered, foreign and old tokens, the preference
 * centre, the pages' languages, email settings (API and CLI), topic consent and double opt-in.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingLinkKey, subscriptions } from '../../functions/shared/subscription-deps.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { newMessageId } from '../../lib/email/message.schema.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { type DomainEvent, eventDefinition, parseDomainEvent } from '../../lib/shared/events/catalogue.ts';
import { recipientLinks } from '../../lib/subscriptions/links.ts';
import {
  type ConfirmationRequest,
  requestConfirmation,
} from '../../lib/subscriptions/request-confirmation.ts';
import { DEFAULT_EMAIL_SETTINGS, type EmailSettings } from '../../lib/workspaces/email-settings.schema.ts';
import { type Client, client, ecrmCli, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;

const settings: EmailSettings = {
  ...DEFAULT_EMAIL_SETTINGS,
  postalAddress: 'Carrer de Mallorca 401, 08013 Barcelona',
  topics: [
    { id: 'newsletter', names: { en: 'Newsletter', es: 'Boletín' }, subscribedByDefault: true },
    { id: 'offers', names: { en: 'Offers', es: 'Ofertas' }, subscribedByDefault: false },
  ],
};

beforeAll(async () => {
  stack = await startStack();
  ws = await workspaceWithKeys(stack);
  api = client(stack, ws.admin);
  expect((await api.put('/v1/workspace/email-settings', settings)).status).toBe(200);
});

afterAll(() => stack?.stop());

const contacts = () => contactsRepository(stack.table);

/** A contact subscribed to marketing email, in this locale. */
const subscribedContact = async (locale = 'es-MX') => {
  const email = `p${randomBytes(4).toString('hex')}@example.com`;
  const made = await api.post('/v1/contacts', { email, locale });
  const id = String(field(made.body, 'contact', 'id'));
  await api.put(`/v1/contacts/${id}/consent/email`, { status: 'subscribed', source: 'signup' });
  return id;
};

const linksFor = async (contactId: string, messageId?: string, topic?: string) =>
  subscriptions().links(ws.id, contactId, topic, messageId);

const pathOf = (url: string) => new URL(url).pathname;

const open = async (method: 'GET' | 'POST', path: string, init: RequestInit = {}) => {
  const res = await fetch(`${stack.apiUrl}${path}`, { ...init, method, redirect: 'manual' });
  return { status: res.status, html: await res.text(), headers: res.headers };
};

const oneClick = (path: string) =>
  open('POST', path, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

/** The consent events the bus carried for a contact, typed. */
const consentEvents = (contactId: string): DomainEvent<'contact.consent.changed'>[] =>
  stack.bus.events
    .filter((e) => e['detail-type'] === 'contact.consent.changed')
    .map((e) => parseDomainEvent(e['detail-type'], e.detail))
    .map((e) => ({
      ...e,
      type: 'contact.consent.changed' as const,
      data: eventDefinition('contact.consent.changed').data.parse(e.data),
    }))
    .filter((e) => e.data.contactId === contactId);

const emailConsent = async (contactId: string) => (await contacts().get(ws.id, contactId))?.consent.email;

describe('unsubscribe links', () => {
  it('GET shows the question in the contact language and changes nothing', async () => {
    const id = await subscribedContact('es-MX');
    const { unsubscribeUrl } = await linksFor(id);
    expect(unsubscribeUrl.startsWith(`${stack.apiUrl}/u/`)).toBe(true);
    const res = await open('GET', pathOf(unsubscribeUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.html).toContain('<html lang="es">');
    expect(res.html).toContain('Darme de baja');
    expect(res.html).toContain('Boletín');
    // The address is masked (a forwarded link shows little), never whole.
    const email = (await contacts().get(ws.id, id))?.email ?? '';
    expect(res.html).toContain(`${email[0]}***@example.com`);
    expect(res.html).not.toContain(email);
    await stack.idle();
    expect(await emailConsent(id)).toMatchObject({ status: 'subscribed', source: 'signup' });
  });

  it('RFC 8058 one-click POST unsubscribes: 200, no redirect, no cookie, recorded with source, time and message', async () => {
    const id = await subscribedContact();
    const messageId = newMessageId(new Date());
    const { oneClickUrl } = await linksFor(id, messageId, 'newsletter');
    const res = await oneClick(pathOf(oneClickUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.html).toContain('Te has dado de baja');
    const consent = await emailConsent(id);
    expect(consent).toMatchObject({ status: 'unsubscribed', source: 'one-click' });
    expect(Number.isNaN(Date.parse(consent?.at ?? ''))).toBe(false);

    // The next marketing send to this contact is refused at send time.
    const contact = await contacts().get(ws.id, id);
    if (!contact) throw new Error('contact gone');
    expect(subscriptions().eligibility(contact, { kind: 'marketing' }, settings)).toEqual({
      ok: false,
      refusal: 'unsubscribed',
    });

    // The unsubscribe is announced with the message id, so the campaign can count it.
    await stack.idle();
    const announced = stack.bus.events
      .filter((e) => e['detail-type'] === 'contact.consent.changed')
      .map((e) => parseDomainEvent(e['detail-type'], e.detail))
      .filter((e) => field(e.data, 'contactId') === id && field(e.data, 'status') === 'unsubscribed');
    expect(announced).toHaveLength(1);
    expect(announced[0]?.data).toMatchObject({ source: 'one-click', messageId });

    // Done twice (a mailbox provider retrying) it changes nothing more.
    expect((await oneClick(pathOf(oneClickUrl))).status).toBe(200);
    await stack.idle();
    expect(
      stack.bus.events.filter(
        (e) => e['detail-type'] === 'contact.consent.changed' && field(e.detail, 'data', 'contactId') === id,
      ),
    ).toHaveLength(2); // the signup and the one unsubscribe
  });

  it('one-click also takes multipart/form-data, the encoding RFC 8058 prefers', async () => {
    const id = await subscribedContact();
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const res = await open('POST', pathOf((await linksFor(id)).oneClickUrl), { body: form });
    expect(res.status).toBe(200);
    expect(await emailConsent(id)).toMatchObject({ status: 'unsubscribed', source: 'one-click' });
  });

  it('a 31-day-old link still works', async () => {
    const id = await subscribedContact();
    const old = recipientLinks(
      stack.apiUrl,
      await signingLinkKey(),
      { workspaceId: ws.id, contactId: id },
      new Date(Date.now() - 31 * 86_400_000),
    );
    expect((await open('GET', pathOf(old.unsubscribeUrl))).status).toBe(200);
    expect((await oneClick(pathOf(old.oneClickUrl))).status).toBe(200);
    expect(await emailConsent(id)).toMatchObject({ status: 'unsubscribed' });
  });

  it('a tampered or foreign token is rejected with a page, and changes nothing', async () => {
    const id = await subscribedContact();
    const other = await subscribedContact();
    const path = pathOf((await linksFor(id)).oneClickUrl);
    const token = path.slice('/u/'.length);
    const [payload = '', signature = ''] = token.split('.');
    const swapped = Buffer.from(payload, 'base64url').toString().replace(id, other);
    const key = await signingLinkKey();
    const foreign = recipientLinks(
      stack.apiUrl,
      { kid: key.kid, secret: randomBytes(32) },
      { workspaceId: ws.id, contactId: other },
      new Date(),
    );
    const otherWorkspace = Buffer.from(payload, 'base64url').toString().replace(ws.id, 'ws_someoneelse');
    for (const bad of [
      `/u/${Buffer.from(swapped).toString('base64url')}.${signature}`,
      `/u/${Buffer.from(otherWorkspace).toString('base64url')}.${signature}`,
      `/u/${payload}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`,
      pathOf(foreign.oneClickUrl),
      '/u/not-a-token',
    ]) {
      const shown = await open('GET', bad);
      expect(shown.status, bad).toBe(404);
      expect(shown.html).toContain('<!doctype html>');
      expect((await oneClick(bad)).status, bad).toBe(404);
    }
    expect(await emailConsent(id)).toMatchObject({ status: 'subscribed' });
    expect(await emailConsent(other)).toMatchObject({ status: 'subscribed' });
  });

  it('refuses a body that is none of its forms, naming the field', async () => {
    const id = await subscribedContact();
    const res = await fetch(`${stack.apiUrl}${pathOf((await linksFor(id)).oneClickUrl)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=Yes',
    });
    expect(res.status).toBe(422);
    expect(await emailConsent(id)).toMatchObject({ status: 'subscribed' });
  });
});

describe('preference centre', () => {
  it('saves the topics ticked, unsubscribes the others, and the page shows them', async () => {
    const id = await subscribedContact('en-GB');
    const messageId = newMessageId(new Date());
    const path = pathOf((await linksFor(id, messageId)).preferencesUrl);
    const page = await open('GET', path);
    expect(page.html).toContain('id="preferences"');
    expect(page.html).toMatch(/value="newsletter" checked/);
    expect(page.html).not.toMatch(/value="offers" checked/);
    const saved = await open('POST', path, {
      body: new URLSearchParams([
        ['action', 'save'],
        ['topic', 'offers'],
      ]),
    });
    expect(saved.status).toBe(200);
    expect(saved.html).toContain('Your choices have been saved.');
    expect(saved.html).toMatch(/value="offers" checked/);
    const contact = await contacts().get(ws.id, id);
    expect(contact?.topics).toMatchObject({
      newsletter: { status: 'unsubscribed', source: 'preference-centre' },
      offers: { status: 'subscribed', source: 'preference-centre' },
    });
    expect(contact?.consent.email?.status).toBe('subscribed');
    if (!contact) throw new Error('contact gone');
    expect(
      subscriptions().eligibility(contact, { kind: 'marketing', topic: 'newsletter' }, settings),
    ).toEqual({
      ok: false,
      refusal: 'topic-unsubscribed',
    });
    // The contact's view shows the topic choices.
    const view = await api.get(`/v1/contacts/${id}`);
    expect(field(view.body, 'topics', 'offers', 'status')).toBe('subscribed');
  });

  it('unsubscribes from everything from the page, and ticking a topic later subscribes again', async () => {
    const id = await subscribedContact('en');
    const path = pathOf((await linksFor(id)).unsubscribeUrl);
    const done = await open('POST', path, { body: new URLSearchParams({ action: 'unsubscribe' }) });
    expect(done.html).toContain('You’re unsubscribed');
    expect(await emailConsent(id)).toMatchObject({ status: 'unsubscribed', source: 'preference-centre' });
    const back = await open('POST', path, {
      body: new URLSearchParams([
        ['action', 'save'],
        ['topic', 'newsletter'],
      ]),
    });
    expect(back.status).toBe(200);
    expect(await emailConsent(id)).toMatchObject({ status: 'subscribed', source: 'preference-centre' });
  });

  it('never subscribes a suppressed contact again: the page stays as it was', async () => {
    const id = await subscribedContact('en');
    const path = pathOf((await linksFor(id)).unsubscribeUrl);
    await oneClick(path);
    // What the unsubscribe sets off (segments, the message's counters) may write the contact too.
    await stack.idle();
    const before = await contacts().get(ws.id, id);
    if (!before) throw new Error('contact gone');
    await contacts().replace(
      { ...before, suppression: { reason: 'complained', at: new Date().toISOString() }, rev: before.rev + 1 },
      before,
      undefined,
    );
    const forms: Record<string, string>[] = [
      { action: 'resubscribe' },
      { action: 'save', topic: 'newsletter' },
    ];
    for (const form of forms) {
      const res = await open('POST', path, { body: new URLSearchParams(form) });
      expect(res.status).toBe(200);
      expect(res.html).toContain('no longer gets marketing emails');
    }
    expect(await emailConsent(id)).toMatchObject({ status: 'unsubscribed', source: 'one-click' });
  });

  it('refuses a topic the workspace does not have', async () => {
    const id = await subscribedContact();
    const res = await open('POST', pathOf((await linksFor(id)).unsubscribeUrl), {
      body: new URLSearchParams([
        ['action', 'save'],
        ['topic', 'casino'],
      ]),
    });
    expect(res.status).toBe(422);
  });
});

describe('page languages', () => {
  const expected = {
    'en-US': ['en', 'Unsubscribe'],
    'es-MX': ['es', 'Darme de baja'],
    'fr-CA': ['fr', 'Me désabonner'],
    'it-IT': ['it', 'Annulla l’iscrizione'],
    'zh-TW': ['zh-Hant', '取消訂閱'],
    'zh-Hant-HK': ['zh-Hant', '取消訂閱'],
    'de-DE': ['en', 'Unsubscribe'], // not shipped: the workspace default
  } as const;
  for (const [locale, [lang, phrase]] of Object.entries(expected)) {
    it(`a ${locale} contact gets the ${lang} page`, async () => {
      const id = await subscribedContact(locale);
      const res = await open('GET', pathOf((await linksFor(id)).unsubscribeUrl));
      expect(res.html).toContain(`<html lang="${lang}">`);
      expect(res.html).toContain(phrase);
      const done = await oneClick(pathOf((await linksFor(id)).oneClickUrl));
      expect(done.html).toContain(`<html lang="${lang}">`);
    });
  }
});

describe('email settings and topic consent', () => {
  it('reads the defaults of a workspace that never set any, and refuses bad settings naming the field', async () => {
    const fresh = await workspaceWithKeys(stack);
    const res = await client(stack, fresh.read).get('/v1/workspace/email-settings');
    expect(res.body).toEqual(DEFAULT_EMAIL_SETTINGS);
    const bad = await client(stack, fresh.admin).put('/v1/workspace/email-settings', {
      defaultLocale: 'de',
    });
    expect(bad.status).toBe(422);
    expect(field(bad.body, 'error', 'issues', 0, 'path')).toBe('defaultLocale');
    expect((await client(stack, fresh.write).put('/v1/workspace/email-settings', {})).status).toBe(403);
  });

  it("sets the workspace's default time zone: UTC until set, aliases kept canonical, unknown zones refused by name", async () => {
    const fresh = await workspaceWithKeys(stack);
    const admin = client(stack, fresh.admin);
    expect(field((await admin.get('/v1/workspace/email-settings')).body, 'defaultTimeZone')).toBe('UTC');
    const set = await admin.put('/v1/workspace/email-settings', {
      ...settings,
      defaultTimeZone: 'Asia/Calcutta',
    });
    expect(set.status).toBe(200);
    expect(field(set.body, 'defaultTimeZone')).toBe('Asia/Kolkata');
    const read = await client(stack, fresh.read).get('/v1/workspace/email-settings');
    expect(read.body).toEqual({ ...settings, defaultTimeZone: 'Asia/Kolkata' });
    expect(field((await admin.get('/v1/workspace')).body, 'settings', 'email', 'defaultTimeZone')).toBe(
      'Asia/Kolkata',
    );
    for (const zone of ['Mars/Olympus', '+05:30', 'CEST', 7]) {
      const bad = await admin.put('/v1/workspace/email-settings', { ...settings, defaultTimeZone: zone });
      expect(bad.status, String(zone)).toBe(422);
      expect(field(bad.body, 'error', 'issues', 0, 'path')).toBe('defaultTimeZone');
    }
    // A refused change left the zone as it was; settings put without one go back to UTC.
    expect(field((await admin.get('/v1/workspace/email-settings')).body, 'defaultTimeZone')).toBe(
      'Asia/Kolkata',
    );
    await admin.put('/v1/workspace/email-settings', settings);
    expect(field((await admin.get('/v1/workspace/email-settings')).body, 'defaultTimeZone')).toBe('UTC');
  });

  it('sets a frequency cap: off until set, kept as given, a bad one refused naming its field', async () => {
    const fresh = await workspaceWithKeys(stack);
    const admin = client(stack, fresh.admin);
    expect((await admin.get('/v1/workspace/email-settings')).body).not.toHaveProperty('frequencyCap');
    const cap = { limit: 3, period: 7, unit: 'days' };
    const set = await admin.put('/v1/workspace/email-settings', { ...settings, frequencyCap: cap });
    expect(set.status).toBe(200);
    expect(field((await admin.get('/v1/workspace/email-settings')).body, 'frequencyCap')).toEqual(cap);
    for (const [bad, path] of [
      [{ ...cap, limit: 0 }, 'frequencyCap.limit'],
      [{ ...cap, limit: 101 }, 'frequencyCap.limit'],
      [{ ...cap, period: 91 }, 'frequencyCap.period'],
      [{ ...cap, period: 2161, unit: 'hours' }, 'frequencyCap.period'],
      [{ ...cap, unit: 'weeks' }, 'frequencyCap.unit'],
    ] as const) {
      const res = await admin.put('/v1/workspace/email-settings', { ...settings, frequencyCap: bad });
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(field(res.body, 'error', 'issues', 0, 'path')).toBe(path);
    }
    // Settings put without a cap turn it off.
    await admin.put('/v1/workspace/email-settings', settings);
    expect((await admin.get('/v1/workspace/email-settings')).body).not.toHaveProperty('frequencyCap');
  });

  it('shows the settings with the workspace once set', async () => {
    const res = await api.get('/v1/workspace');
    expect(field(res.body, 'settings', 'email', 'postalAddress')).toBe(settings.postalAddress);
  });

  it('sets a topic choice on a contact through the API, and refuses a topic the workspace lacks', async () => {
    const id = await subscribedContact();
    const res = await api.put(`/v1/contacts/${id}/topics/offers`, { status: 'subscribed', source: 'crm' });
    expect(res.status).toBe(200);
    expect(field(res.body, 'topics', 'offers')).toMatchObject({ status: 'subscribed', source: 'crm' });
    const unknown = await api.put(`/v1/contacts/${id}/topics/casino`, { status: 'subscribed', source: 'x' });
    expect(unknown.status).toBe(422);
  });

  it('ecrm email-settings get and set go through the API', async () => {
    const fresh = await workspaceWithKeys(stack);
    const dir = mkdtempSync(join(tmpdir(), 'ecrm-settings-'));
    const file = join(dir, 'settings.json');
    writeFileSync(
      file,
      JSON.stringify({ defaultLocale: 'fr', postalAddress: '12 rue de la Paix, 75002 Paris' }),
    );
    const set = await ecrmCli(stack, fresh.admin, 'email-settings', 'set', '--file', file);
    expect(set).toMatchObject({ defaultLocale: 'fr', doubleOptIn: false, topics: [] });
    expect(await ecrmCli(stack, fresh.admin, 'email-settings', 'get')).toEqual(set);
  });
});

describe('double opt-in', () => {
  it('a subscribe becomes pending with a confirmation; GET of the link confirms nothing, POST does', async () => {
    const doi = await workspaceWithKeys(stack);
    const admin = client(stack, doi.admin);
    await admin.put('/v1/workspace/email-settings', { ...settings, doubleOptIn: true });
    const email = `doi${randomBytes(4).toString('hex')}@example.com`;
    const res = await client(stack, doi.ingest).post('/v1/subscriptions', {
      email,
      locale: 'fr-FR',
      topics: ['offers'],
      source: 'footer-form',
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: true });
    const found = await admin.get(`/v1/contacts/lookup?email=${email}`);
    const id = String(field(found.body, 'id'));
    expect(field(found.body, 'consent', 'email')).toMatchObject({ status: 'pending', source: 'footer-form' });
    expect(field(found.body, 'topics', 'offers', 'status')).toBe('subscribed');

    // The confirmation is asked for on the outbox event of that write.
    await stack.idle();
    const pending = consentEvents(id)[0];
    if (!pending) throw new Error('no consent event');
    expect(pending.data.confirmationMessageId).toMatch(/^m_/);
    const sent: ConfirmationRequest[] = [];
    const outcome = await requestConfirmation(pending, {
      contacts: contacts(),
      clock: systemClock,
      linkKey: signingLinkKey,
      publicUrl: stack.apiUrl,
      confirmations: { send: async (request) => void sent.push(request) },
    });
    expect(outcome).toBe('sent');
    expect(sent[0]).toMatchObject({
      workspaceId: doi.id,
      contactId: id,
      messageId: pending.data.confirmationMessageId,
    });
    const confirmPath = pathOf(sent[0]?.confirmUrl ?? '');
    expect(confirmPath.startsWith('/c/')).toBe(true);

    // The same subscribe again within the hour asks for no second confirmation.
    await client(stack, doi.ingest).post('/v1/subscriptions', { email, source: 'footer-form' });
    await stack.idle();
    const asked = stack.bus.events.filter(
      (e) =>
        e['detail-type'] === 'contact.consent.changed' &&
        field(e.detail, 'data', 'contactId') === id &&
        field(e.detail, 'data', 'confirmationMessageId') !== undefined,
    );
    expect(asked).toHaveLength(1);

    // An unsubscribe link cannot confirm, and opening the confirmation link confirms nothing.
    expect((await open('GET', `/u/${confirmPath.slice(3)}`)).status).toBe(404);
    const shown = await open('GET', confirmPath);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('<html lang="fr">');
    expect(shown.html).toContain('Oui, je m’inscris');
    expect(await contacts().get(doi.id, id)).toMatchObject({ consent: { email: { status: 'pending' } } });

    const confirmed = await open('POST', confirmPath, { body: new URLSearchParams({ action: 'confirm' }) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.html).toContain('Votre inscription est confirmée');
    expect((await contacts().get(doi.id, id))?.consent.email).toMatchObject({
      status: 'subscribed',
      source: 'double-opt-in (footer-form)',
    });
    // Confirming again says so and changes nothing.
    const again = await open('POST', confirmPath, { body: new URLSearchParams({ action: 'confirm' }) });
    expect(again.html).toContain('déjà confirmée');
    expect(
      await requestConfirmation(pending, {
        contacts: contacts(),
        clock: systemClock,
        linkKey: signingLinkKey,
        publicUrl: stack.apiUrl,
        confirmations: { send: async (request) => void sent.push(request) },
      }),
    ).toBe('not-pending');
  });

  it('without double opt-in a subscribe is subscribed at once, and an unknown topic is refused by name', async () => {
    const email = `now${randomBytes(4).toString('hex')}@example.com`;
    const ingest = client(stack, ws.ingest);
    expect((await ingest.post('/v1/subscriptions', { email, source: 'popup' })).status).toBe(202);
    const found = await api.get(`/v1/contacts/lookup?email=${email}`);
    expect(field(found.body, 'consent', 'email')).toMatchObject({ status: 'subscribed', source: 'popup' });
    const bad = await ingest.post('/v1/subscriptions', { email, source: 'popup', topics: ['casino'] });
    expect(bad.status).toBe(422);
    expect(field(bad.body, 'error', 'issues', 0, 'path')).toBe('topics[0]');
  });
});
