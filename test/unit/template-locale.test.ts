import { describe, expect, it } from 'vitest';
import { localeCandidates, resolveLocale } from '../../lib/templates/locale.ts';

describe('template locale', () => {
  it('falls back es-MX → es → workspace default', () => {
    expect(localeCandidates('es-MX')).toEqual(['es']);
    expect(resolveLocale('es-MX', ['en', 'es'], 'en')).toBe('es');
    expect(resolveLocale('es-MX', ['en', 'fr'], 'fr')).toBe('fr');
    expect(resolveLocale('de-DE', ['en', 'it'], 'it')).toBe('it');
  });

  it('Traditional Chinese for zh-TW and zh-HK, never for Simplified Chinese', () => {
    expect(resolveLocale('zh-TW', ['en', 'zh-Hant'], 'en')).toBe('zh-Hant');
    expect(resolveLocale('zh-HK', ['en', 'zh-Hant'], 'en')).toBe('zh-Hant');
    expect(resolveLocale('zh-Hant', ['en', 'zh-Hant'], 'en')).toBe('zh-Hant');
    expect(resolveLocale('zh-CN', ['en', 'zh-Hant'], 'en')).toBe('en');
    expect(resolveLocale('zh', ['en', 'zh-Hant'], 'en')).toBe('en');
  });

  it('no locale, a bad tag or a default the template lacks still ends on one it has', () => {
    expect(resolveLocale(undefined, ['fr'], 'es')).toBe('fr');
    expect(resolveLocale('not a locale!', ['it', 'en'], 'es')).toBe('en');
    expect(resolveLocale('fr-CA', ['es', 'it'], 'en')).toBe('es');
  });
});
