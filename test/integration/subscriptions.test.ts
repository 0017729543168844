/**
 * Subscriptions against DynamoDB Local, on a clock the test controls: double opt-in's resend window,
 * confirmation and an old link after an unsubscribe, topic consent, and the outbox event of each
 * decision (one write, one event; nothing when nothing changes).
 */
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { newMessageId } from '../../lib/email/message.schema.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { GetCommand } from '../../lib/shared/dynamodb/commands.ts';
import { OUTBOX_ATTRIBUTE } from '../../lib/shared/events/outbox.ts';
import { keys } from '../../lib/shared/keys.ts';
import type { SubscriptionDeps } from '../../lib/subscriptions/deps.ts';
import { confirmationLink, recipientLinks } from '../../lib/subscriptions/links.ts';
import { openLink } from '../../lib/subscriptions/open-link.ts';
import { confirmSubscription, SOURCES, unsubscribeAll } from '../../lib/subscriptions/preferences.ts';
import { RESEND_CONFIRMATION_AFTER_MS, subscribe } from '../../lib/subscriptions/subscribe.ts';
import { setTopicConsent } from '../../lib/subscriptions/topic-consent.ts';
import { DEFAULT_EMAIL_SETTINGS } from '../../lib/workspaces/email-settings.schema.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-05-04T09:00:00.000Z');
const key = { kid: 'testkey1', secret: randomBytes(32) };
let real: RealDeps;
let deps: SubscriptionDeps;
let ws: string;

beforeEach(async () => {
  clock.set('2026-05-04T09:00:00.000Z');
  real = realDeps(clock);
  deps = { contacts: real.contacts, workspaces: real.workspaces, clock, linkKey: async () => key };
  ws = await newWorkspace(real);
  await real.workspaces.setEmailSettings(ws, {
    ...DEFAULT_EMAIL_SETTINGS,
    doubleOptIn: true,
    topics: [{ id: 'news', names: { en: 'News' }, subscribedByDefault: true }],
  });
});

/** The outbox event the contact item carries now (the last write's). */
const outbox = async (contactId: string) => {
  const { Item } = await real.table.client.send(
    new GetCommand({ TableName: real.table.name, Key: keys.contact(ws, contactId) }),
  );
  return Item?.[OUTBOX_ATTRIBUTE];
};

const tokenOf = (url: string) => new URL(url).pathname.split('/').at(-1) ?? '';

/** The double opt-in confirmed (the contact clicked its link). */
const setConsentSubscribed = async (contactId: string) => {
  const { setConsent } = await import('../../lib/contacts/set-consent.ts');
  await setConsent(ws, contactId, { channel: 'email', status: 'subscribed', source: 'double-opt-in' }, real);
};

describe('double opt-in', () => {
  it('asks for one confirmation per hour at most, then a new one', async () => {
    const email = 'ana@example.com';
    const first = await subscribe(ws, { email, source: 'footer' }, deps);
    expect(first.outcome).toBe('pending');
    const asked = await outbox(first.contactId);
    expect(asked).toMatchObject({ type: 'contact.consent.changed', detail: { data: { status: 'pending' } } });
    const firstId = asked?.detail?.data?.confirmationMessageId;
    expect(firstId).toMatch(/^m_/);

    clock.advance(RESEND_CONFIRMATION_AFTER_MS - 60_000);
    await subscribe(ws, { email, source: 'footer' }, deps);
    expect((await outbox(first.contactId))?.detail?.data?.confirmationMessageId).toBe(firstId);

    clock.advance(2 * 60_000);
    await subscribe(ws, { email, source: 'footer' }, deps);
    const again = (await outbox(first.contactId))?.detail?.data?.confirmationMessageId;
    expect(again).toMatch(/^m_/);
    expect(again).not.toBe(firstId);
  });

  it('confirms with source and time; an old confirmation link never undoes a later unsubscribe', async () => {
    const { contactId } = await subscribe(ws, { email: 'bo@example.com', source: 'popup' }, deps);
    const confirmUrl = confirmationLink(
      'https://x.example',
      key,
      { workspaceId: ws, contactId },
      clock.now(),
    );
    clock.advance(3 * 86_400_000);
    const link = await openLink(tokenOf(confirmUrl), 'confirm', deps);
    expect(await confirmSubscription(link, deps)).toBe('confirmed');
    expect((await real.contacts.get(ws, contactId))?.consent.email).toEqual({
      status: 'subscribed',
      source: 'double-opt-in (popup)',
      at: clock.now().toISOString(),
    });
    expect(await confirmSubscription(await openLink(tokenOf(confirmUrl), 'confirm', deps), deps)).toBe(
      'already',
    );

    const { oneClickUrl } = recipientLinks(
      'https://x.example',
      key,
      { workspaceId: ws, contactId, messageId: newMessageId(clock.now()) },
      clock.now(),
    );
    await unsubscribeAll(await openLink(tokenOf(oneClickUrl), 'unsubscribe', deps), SOURCES.oneClick, deps);
    clock.advance(40 * 86_400_000);
    expect(await confirmSubscription(await openLink(tokenOf(confirmUrl), 'confirm', deps), deps)).toBe(
      'nothing',
    );
    expect((await real.contacts.get(ws, contactId))?.consent.email?.status).toBe('unsubscribed');
  });

  it("never lets a public form overwrite a known contact's name or language; it only fills what is missing", async () => {
    const { upsertContact } = await import('../../lib/contacts/upsert-contact.ts');
    const email = `known-${randomBytes(3).toString('hex')}@example.com`;
    const { contact } = await upsertContact(ws, { email, firstName: 'Ana', locale: 'es' }, 'api', real);
    await subscribe(
      ws,
      { email, firstName: 'Hacked <b>', lastName: 'Garcia', locale: 'en', source: 'footer' },
      deps,
    );
    const after = await real.contacts.get(ws, contact.id);
    expect(after).toMatchObject({ firstName: 'Ana', locale: 'es', lastName: 'Garcia' });

    const fresh = await subscribe(
      ws,
      { email: `new-${email}`, firstName: 'Bo', locale: 'fr', source: 'footer' },
      deps,
    );
    expect(await real.contacts.get(ws, fresh.contactId)).toMatchObject({ firstName: 'Bo', locale: 'fr' });
  });

  it('tells a suppressed address apart without subscribing it', async () => {
    const { contactId } = await subscribe(ws, { email: 'gone@example.com', source: 'popup' }, deps);
    const before = await real.contacts.get(ws, contactId);
    if (!before) throw new Error('no contact');
    await real.contacts.replace(
      { ...before, suppression: { reason: 'bounced', at: clock.now().toISOString() }, rev: before.rev + 1 },
      before,
      undefined,
    );
    clock.advance(2 * RESEND_CONFIRMATION_AFTER_MS);
    expect((await subscribe(ws, { email: 'gone@example.com', source: 'popup' }, deps)).outcome).toBe(
      'suppressed',
    );
    expect((await real.contacts.get(ws, contactId))?.consent.email?.status).toBe('pending');
  });
});

describe('topic consent', () => {
  it('under double opt-in, a public form never subscribes a confirmed contact again to a topic it left', async () => {
    const email = `dy-${randomBytes(3).toString('hex')}@example.com`;
    const { contactId } = await subscribe(ws, { email, source: 'popup' }, deps);
    await setConsentSubscribed(contactId);
    await setTopicConsent(
      ws,
      contactId,
      { topicId: 'news', status: 'unsubscribed', source: 'preference-centre' },
      deps,
    );

    await subscribe(ws, { email, topics: ['news'], source: 'popup' }, deps);

    expect((await real.contacts.get(ws, contactId))?.topics?.news?.status).toBe('unsubscribed');
  });

  it('records a choice with source and time in one write with its event, and nothing when unchanged', async () => {
    const { contactId } = await subscribe(ws, { email: 'cy@example.com', source: 'popup' }, deps);
    const contact = await setTopicConsent(
      ws,
      contactId,
      { topicId: 'news', status: 'unsubscribed', source: 'crm' },
      deps,
    );
    expect(contact.topics?.news).toEqual({
      status: 'unsubscribed',
      source: 'crm',
      at: clock.now().toISOString(),
    });
    const event = await outbox(contactId);
    expect(event?.detail?.data).toMatchObject({
      topics: { news: 'unsubscribed' },
      source: 'crm',
      status: 'pending',
    });
    const rev = (await real.contacts.get(ws, contactId))?.rev;
    await setTopicConsent(ws, contactId, { topicId: 'news', status: 'unsubscribed', source: 'crm' }, deps);
    expect((await real.contacts.get(ws, contactId))?.rev).toBe(rev);
  });
});
