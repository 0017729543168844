/**
 * Email end to end on the local stack, every part real: a shipped template, a sender domain, the send
 * queue and function, the local SES (its store and its events), the signed links and their pages, and
 * the feedback loop. What the "done when" asks, as a marketer and a recipient would see it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { MESSAGE_TAG } from '../../lib/email/message-tags.ts';
import { type Client, client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;
const POSTAL = 'Carrer de Mallorca 401, 08013 Barcelona';
const domain = `brand-${randomBytes(3).toString('hex')}.example`;

beforeAll(async () => {
  stack = await startStack();
  ws = await workspaceWithKeys(stack);
  api = client(stack, ws.admin);
  expect((await api.put('/v1/workspace/email-settings', { postalAddress: POSTAL })).status).toBe(200);
  expect((await api.post('/v1/templates/defaults', {})).status).toBeLessThan(300);
  expect((await api.post('/v1/sender-domains', { domain, displayName: 'Brand', default: true })).status).toBe(
    201,
  );
}, 120_000);

afterAll(() => stack?.stop());

const subscribedContact = async (locale: string) => {
  const email = `p${randomBytes(4).toString('hex')}@example.com`;
  const made = await api.post('/v1/contacts', { email, locale, firstName: 'Lucía' });
  const id = String(field(made.body, 'contact', 'id'));
  expect(
    (await api.put(`/v1/contacts/${id}/consent/email`, { status: 'subscribed', source: 'signup' })).status,
  ).toBe(200);
  return { id, email };
};

const send = async (contactId: string) => {
  const res = await api.post('/v1/emails', { contactId, templateId: 'welcome' });
  expect(res.status).toBe(202);
  await stack.idle();
  return String(field(res.body, 'messageId'));
};

const messageEntry = async (contactId: string, messageId: string) => {
  const page = await api.get(`/v1/contacts/${contactId}/timeline?limit=50`);
  const entries = field(page.body, 'entries');
  return Array.isArray(entries) ? entries.find((e) => field(e, 'eventId') === messageId) : undefined;
};

const header = (headers: readonly { name: string; value: string }[] | undefined, name: string) =>
  headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

describe('a marketing email, end to end', () => {
  it('arrives in the contact locale with both unsubscribe headers, the postal address, a text part and the tags; the one-click POST unsubscribes and the next send is refused', async () => {
    const { id, email } = await subscribedContact('es-MX');
    const messageId = await send(id);

    const [mail] = await readStoredEmails(stack.sesEndpoint, { to: email });
    expect(mail).toBeDefined();
    if (!mail) return;
    expect(mail.subject).toContain('Te damos la bienvenida');
    expect(mail.from).toContain(`@${domain}`);
    expect(mail.body.html).toContain(POSTAL);
    expect(mail.body.text ?? '').toContain(POSTAL);
    expect((mail.body.text ?? '').length).toBeGreaterThan(50);
    expect(mail.body.text ?? '').not.toMatch(/\{\{|\{%/);
    const listUnsubscribe = header(mail.headers, 'List-Unsubscribe') ?? '';
    expect(listUnsubscribe).toMatch(/^<http[^>]+\/u\/[^>]+>$/);
    expect(header(mail.headers, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const [recorded] = stack.ses.messagesTagged(MESSAGE_TAG.message, messageId);
    expect(recorded?.tags).toMatchObject({
      [MESSAGE_TAG.workspace]: ws.id,
      [MESSAGE_TAG.contact]: id,
      [MESSAGE_TAG.kind]: 'marketing',
      [MESSAGE_TAG.origin]: 'api',
    });
    expect(recorded?.configurationSet).toBeTruthy();
    // The local SES published Send and Delivery; the feedback loop moved the message on.
    const entry = await messageEntry(id, messageId);
    expect(field(entry, 'email', 'status')).toBe('delivered');
    expect(field(entry, 'email', 'sesMessageId')).toEqual(expect.any(String));
    expect(field(entry, 'email', 'at', 'sent')).toEqual(expect.any(String));

    const unsubscribeUrl = listUnsubscribe.slice(1, -1);
    const contacts = contactsRepository(stack.table);
    // A link scanner's GET changes nothing.
    const page = await fetch(unsubscribeUrl, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect((await contacts.get(ws.id, id))?.consent.email?.status).toBe('subscribed');

    const oneClick = await fetch(unsubscribeUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(oneClick.headers.get('set-cookie')).toBeNull();
    expect((await contacts.get(ws.id, id))?.consent.email?.status).toBe('unsubscribed');
    await stack.idle();
    expect(field(await messageEntry(id, messageId), 'email', 'status')).toBe('unsubscribed');

    const next = await send(id);
    const refused = await messageEntry(id, next);
    expect(field(refused, 'email', 'status')).toBe('refused');
    expect(field(refused, 'email', 'reason')).toBe('unsubscribed');
    expect(await readStoredEmails(stack.sesEndpoint, { to: email })).toHaveLength(1);
  }, 120_000);

  it('a tampered link is refused and changes nothing', async () => {
    const { id, email } = await subscribedContact('fr');
    await send(id);
    const [mail] = await readStoredEmails(stack.sesEndpoint, { to: email });
    const url = (header(mail?.headers, 'List-Unsubscribe') ?? '').slice(1, -1);
    const tampered = url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const res = await fetch(tampered, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(404);
    expect((await contactsRepository(stack.table).get(ws.id, id))?.consent.email?.status).toBe('subscribed');
  }, 120_000);

  it("a test send's unsubscribe links are inert: the tester's one-click never unsubscribes the contact who lent its data", async () => {
    const { id } = await subscribedContact('en');
    const tester = `t${randomBytes(4).toString('hex')}@example.com`;
    const res = await api.post('/v1/templates/welcome/test-send', { to: tester, contactId: id });
    expect(res.status).toBe(202);
    await stack.idle();
    const [mail] = await readStoredEmails(stack.sesEndpoint, { to: tester });
    const url = (header(mail?.headers, 'List-Unsubscribe') ?? '').slice(1, -1);
    expect(url).toMatch(/^http[^>]+\/u\/test-send$/);
    expect(mail?.body.html).not.toContain(id);

    const oneClick = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(404);
    expect((await contactsRepository(stack.table).get(ws.id, id))?.consent.email?.status).toBe('subscribed');
  }, 120_000);

  it("a test send can carry an A/B variant's subject (Liquid, with the contact's data); a subject that could end a header line is refused", async () => {
    const { id } = await subscribedContact('en');
    const tester = `t${randomBytes(4).toString('hex')}@example.com`;
    const res = await api.post('/v1/templates/welcome/test-send', {
      to: tester,
      contactId: id,
      subject: 'Variant B for {{ contact.firstName }}',
    });
    expect(res.status).toBe(202);
    await stack.idle();
    const [mail, ...more] = await readStoredEmails(stack.sesEndpoint, { to: tester });
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Variant B for Lucía');
    const bad = await api.post('/v1/templates/welcome/test-send', {
      to: tester,
      contactId: id,
      subject: 'Hi\r\nBcc: victim@example.com',
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('subject');
  }, 120_000);

  it('a hard bounce suppresses the contact and the next send is refused', async () => {
    const made = await api.post('/v1/contacts', { email: 'bounce@simulator.amazonses.com', locale: 'it' });
    const id = String(field(made.body, 'contact', 'id'));
    await api.put(`/v1/contacts/${id}/consent/email`, { status: 'subscribed', source: 'signup' });
    const first = await send(id);
    await stack.idle();
    expect(field(await messageEntry(id, first), 'email', 'status')).toBe('bounced');
    expect((await contactsRepository(stack.table).get(ws.id, id))?.suppression?.reason).toBe('bounced');
    const second = await send(id);
    expect(field(await messageEntry(id, second), 'email', 'reason')).toBe('suppressed');
  }, 120_000);
});
