import { describe, expect, it } from 'vitest';
import { pageLocale } from '../../lib/subscriptions/pages/page-locale.ts';
import { PAGE_TEXT } from '../../lib/subscriptions/pages/page-text.ts';
import {
  confirmPage,
  maskEmail,
  messagePage,
  preferencePage,
  topicName,
} from '../../lib/subscriptions/pages/render-page.ts';
import { SHIPPED_LOCALES } from '../../lib/workspaces/email-settings.schema.ts';

describe('page locale', () => {
  it("follows the contact's locale to a shipped one, then the browser's, then the workspace default", () => {
    expect(pageLocale('es-MX', undefined, 'en')).toBe('es');
    expect(pageLocale('fr-CA', 'it', 'en')).toBe('fr');
    expect(pageLocale('zh-TW', undefined, 'en')).toBe('zh-Hant');
    expect(pageLocale('zh-HK', undefined, 'en')).toBe('zh-Hant');
    expect(pageLocale('zh-CN', undefined, 'it')).toBe('it'); // Simplified is not shipped
    expect(pageLocale('de-DE', 'de, it;q=0.8, fr;q=0.9', 'en')).toBe('fr');
    expect(pageLocale(undefined, 'pt-BR, es;q=0.5, *;q=0.1', 'en')).toBe('es');
    expect(pageLocale(undefined, 'it;q=0, fr;q=0.1', 'en')).toBe('fr');
    expect(pageLocale('not a locale!', 'garbage;;q=x', 'it')).toBe('it');
  });
});

describe('page text', () => {
  it('has every sentence in every shipped locale, each different from English but the placeholders', () => {
    const keys = Object.keys(PAGE_TEXT.en);
    for (const locale of SHIPPED_LOCALES) {
      expect(Object.keys(PAGE_TEXT[locale]).sort()).toEqual([...keys].sort());
      for (const [key, text] of Object.entries(PAGE_TEXT[locale])) {
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
        const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(Reflect.get(PAGE_TEXT.en, key)));
        if (locale !== 'en') expect(text, `${locale}.${key}`).not.toBe(Reflect.get(PAGE_TEXT.en, key));
      }
    }
  });
});

describe('pages', () => {
  const ctx = { locale: 'en' as const, brand: '<script>alert(1)</script> & Co', email: 'ana@example.com' };

  it('escape the brand, the topics and the address: data never becomes markup', () => {
    const html = preferencePage(ctx, {
      unsubscribed: false,
      topics: [{ id: 'news', name: '<img src=x onerror=alert(1)>', checked: true }],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a***@example.com');
    expect(html).not.toContain('ana@example.com');
  });

  it('ask before unsubscribing (a form that posts), and show the preference centre when there are topics', () => {
    const html = preferencePage(ctx, {
      unsubscribed: false,
      topics: [{ id: 'news', name: 'News', checked: true }],
    });
    expect(html).toContain('<form method="post"><input type="hidden" name="action" value="unsubscribe">');
    expect(html).toContain('value="news" checked');
    expect(html).not.toContain('<script');
    const none = preferencePage(ctx, { unsubscribed: true, topics: [] });
    expect(none).toContain('value="resubscribe"');
    expect(none).not.toContain('id="preferences"');
  });

  it('say the right thing in each locale', () => {
    expect(messagePage({ ...ctx, locale: 'it' }, 'title', 'done')).toContain('Iscrizione annullata');
    expect(confirmPage({ ...ctx, locale: 'zh-Hant' })).toContain('是的，我要訂閱');
    expect(messagePage({ locale: 'es', brand: '' }, 'title', 'invalid')).toContain(
      '<title>Preferencias de correo</title>',
    );
  });

  it('mask addresses and name topics with fallbacks', () => {
    expect(maskEmail('x@y.example')).toBe('x***@y.example');
    expect(maskEmail(undefined)).toBe('');
    const topic = { id: 'news', names: { en: 'News', es: 'Noticias' }, subscribedByDefault: true };
    expect(topicName(topic, 'es', 'en')).toBe('Noticias');
    expect(topicName(topic, 'fr', 'en')).toBe('News');
    expect(topicName({ ...topic, names: {} }, 'fr', 'en')).toBe('news');
  });
});
