/**
 * The five catalogues: every locale has every English key, no other key, no empty message, and the
 * same placeholders as English. Also how the locale is picked from the browser.
 */
import { describe, expect, it } from 'vitest';
import { loadMessages } from '../src/i18n/catalogues.ts';
import { formatMoney } from '../src/i18n/format.ts';
import { LOCALES, pickLocale } from '../src/i18n/locales.ts';
import { en } from '../src/i18n/messages/en.ts';
import { interpolate, placeholders } from '../src/i18n/translate.ts';

describe('the message catalogues', () => {
  const keys = Object.keys(en).sort();

  for (const locale of LOCALES) {
    it(`${locale} has every key, with the same placeholders, and nothing else`, async () => {
      const messages = await loadMessages[locale]();
      expect(Object.keys(messages).sort()).toEqual(keys);
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(Reflect.get(en, key)));
      }
    });
  }

  it('is translated: at least three quarters of each non-English catalogue differs from English', async () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const messages = await loadMessages[locale]();
      const same = keys.filter((k) => Reflect.get(messages, k) === Reflect.get(en, k));
      expect(same.length / keys.length, `${locale}: ${same.join(', ')}`).toBeLessThan(0.25);
    }
  });
});

describe('picking the locale', () => {
  it('keeps a stored choice', () => {
    expect(pickLocale('fr', ['es-ES'])).toBe('fr');
  });
  it('takes the first browser language it has, by language when the region is unknown', () => {
    expect(pickLocale(null, ['de-DE', 'es-MX', 'fr'])).toBe('es');
    expect(pickLocale(null, ['it-CH'])).toBe('it');
  });
  it('reads any Chinese as Traditional Chinese', () => {
    expect(pickLocale(null, ['zh-TW'])).toBe('zh-Hant');
    expect(pickLocale(null, ['zh-Hant-HK'])).toBe('zh-Hant');
  });
  it('falls back to English, ignoring a stored value that is not a locale', () => {
    expect(pickLocale('xx', ['de', 'ja'])).toBe('en');
  });
});

describe('formatting', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Page {page} of {pages}', { page: 2 })).toBe('Page 2 of {pages}');
  });
  it('formats money from minor units in the locale', () => {
    expect(formatMoney('en', 199_950, 'USD')).toBe('$1,999.50');
    expect(formatMoney('en', 500, 'JPY')).toBe('¥500');
    expect(formatMoney('fr', 199_950, 'EUR').replace(/\s/g, ' ')).toBe('1 999,50 €');
  });
});
