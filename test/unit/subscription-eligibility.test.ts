import { describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import { eligibility } from '../../lib/subscriptions/eligibility.ts';
import { DEFAULT_EMAIL_SETTINGS, type EmailSettings } from '../../lib/workspaces/email-settings.schema.ts';

const at = '2026-01-01T00:00:00.000Z';
const contact = (over: Partial<Contact> = {}): Contact => ({
  ...emptyContact('ws_test', 'c_01jabcdefghjkmnpqrstvwxyz0', 'api', at),
  email: 'ana@example.com',
  consent: { email: { status: 'subscribed', source: 'form', at } },
  ...over,
});
const settings: EmailSettings = {
  ...DEFAULT_EMAIL_SETTINGS,
  topics: [
    { id: 'newsletter', names: { en: 'Newsletter' }, subscribedByDefault: true },
    { id: 'offers', names: { en: 'Offers' }, subscribedByDefault: false },
  ],
};
const marketing = (topic?: string) => ({ kind: 'marketing' as const, topic });
const transactional = { kind: 'transactional' as const };
const consent = (status: 'subscribed' | 'unsubscribed' | 'pending') => ({ status, source: 's', at });

describe('eligibility', () => {
  it('sends marketing to a subscribed contact with an email', () => {
    expect(eligibility(contact(), marketing(), settings)).toEqual({ ok: true });
  });

  it('refuses a contact without an email address, whatever the kind', () => {
    const { email: _drop, ...rest } = contact();
    expect(eligibility(rest, marketing(), settings)).toEqual({ ok: false, refusal: 'no-email' });
    expect(eligibility(rest, transactional, settings)).toEqual({ ok: false, refusal: 'no-email' });
  });

  it('refuses a suppressed contact for every kind, consent or not', () => {
    const suppressed = contact({ suppression: { reason: 'bounced', at } });
    expect(eligibility(suppressed, marketing(), settings)).toEqual({ ok: false, refusal: 'suppressed' });
    expect(eligibility(suppressed, transactional, settings)).toEqual({ ok: false, refusal: 'suppressed' });
  });

  it('needs marketing consent for marketing: none, pending and unsubscribed each refused by name', () => {
    expect(eligibility(contact({ consent: {} }), marketing(), settings)).toEqual({
      ok: false,
      refusal: 'no-marketing-consent',
    });
    expect(eligibility(contact({ consent: { email: consent('pending') } }), marketing(), settings)).toEqual({
      ok: false,
      refusal: 'consent-pending',
    });
    expect(
      eligibility(contact({ consent: { email: consent('unsubscribed') } }), marketing(), settings),
    ).toEqual({ ok: false, refusal: 'unsubscribed' });
    // Consent on another channel is not email consent.
    expect(eligibility(contact({ consent: { sms: consent('subscribed') } }), marketing(), settings)).toEqual({
      ok: false,
      refusal: 'no-marketing-consent',
    });
  });

  it('sends transactional email without consent, even to an unsubscribed or pending contact', () => {
    for (const c of [contact({ consent: {} }), contact({ consent: { email: consent('unsubscribed') } })]) {
      expect(eligibility(c, transactional, settings)).toEqual({ ok: true });
    }
    expect(eligibility(contact({ consent: { email: consent('pending') } }), transactional, settings)).toEqual(
      { ok: true },
    );
  });

  it('honours a topic choice, then the topic default', () => {
    const chose = (status: 'subscribed' | 'unsubscribed' | 'pending') =>
      contact({ topics: { newsletter: consent(status), offers: consent(status) } });
    expect(eligibility(chose('unsubscribed'), marketing('newsletter'), settings)).toEqual({
      ok: false,
      refusal: 'topic-unsubscribed',
    });
    expect(eligibility(chose('subscribed'), marketing('offers'), settings)).toEqual({ ok: true });
    expect(eligibility(chose('pending'), marketing('offers'), settings)).toEqual({
      ok: false,
      refusal: 'consent-pending',
    });
    expect(eligibility(contact(), marketing('newsletter'), settings)).toEqual({ ok: true });
    expect(eligibility(contact(), marketing('offers'), settings)).toEqual({
      ok: false,
      refusal: 'topic-unsubscribed',
    });
    expect(eligibility(contact(), marketing('retired-topic'), settings)).toEqual({ ok: true });
  });

  it('an unsubscribe from everything wins over a topic subscription', () => {
    const c = contact({
      consent: { email: consent('unsubscribed') },
      topics: { newsletter: consent('subscribed') },
    });
    expect(eligibility(c, marketing('newsletter'), settings)).toEqual({ ok: false, refusal: 'unsubscribed' });
  });
});
