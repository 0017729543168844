import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../console/src/i18n/locales.ts';
import { authorizeUrl } from '../../lib/auth/oauth-client.ts';
import { SIGN_IN_LANGUAGES, signInLanguage } from '../../lib/auth/sign-in-language.ts';

const settings = {
  oauthUrl: 'https://p.auth.eu-west-1.amazoncognito.com',
  clientId: 'c',
  consoleUrl: 'https://c.example',
};

describe('the sign-in page language', () => {
  it('maps each console locale onto a code Cognito managed login accepts', () => {
    expect(signInLanguage('en')).toBe('en');
    expect(signInLanguage('es')).toBe('es');
    expect(signInLanguage('fr')).toBe('fr');
    expect(signInLanguage('it')).toBe('it');
    expect(signInLanguage('zh-Hant')).toBe('zh-TW');
    // The console's list and ours are the same five.
    expect(Object.keys(SIGN_IN_LANGUAGES).sort()).toEqual([...LOCALES].sort());
  });

  it('drops anything else, never passing it on', () => {
    const others = [
      '',
      'de',
      'EN',
      'Es',
      'zh-TW',
      'zh-hant',
      'zh',
      'en-US',
      'toString',
      '__proto__',
      'constructor',
      'es&x=1',
      'es\r\nSet-Cookie: a=b',
      undefined,
    ];
    for (const value of others) expect(signInLanguage(value), String(value)).toBeUndefined();
  });

  it('puts lang on the authorize URL only when there is one', () => {
    expect(new URL(authorizeUrl(settings, 's', 'v'.repeat(43), 'zh-TW')).searchParams.get('lang')).toBe(
      'zh-TW',
    );
    expect(new URL(authorizeUrl(settings, 's', 'v'.repeat(43))).searchParams.has('lang')).toBe(false);
  });
});
