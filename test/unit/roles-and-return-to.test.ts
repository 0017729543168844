import { describe, expect, it } from 'vitest';
import { clearCookie, parseCookies, setCookie } from '../../lib/auth/cookies.ts';
import { decodeFlow, encodeFlow } from '../../lib/auth/oauth-state.ts';
import { randomState, randomVerifier, s256Challenge } from '../../lib/auth/pkce.ts';
import { isSafeReturnTo, safeReturnTo } from '../../lib/auth/return-to.ts';
import { scopeSatisfies } from '../../lib/shared/http/route.ts';
import { ROLES, scopesOf } from '../../lib/users/roles.ts';

describe('roles → scopes', () => {
  it('maps admin, marketer and analyst onto the API scopes, never ingest', () => {
    expect(scopesOf('admin')).toEqual(['admin', 'write', 'read']);
    expect(scopesOf('marketer')).toEqual(['write', 'read']);
    expect(scopesOf('analyst')).toEqual(['read']);
    for (const role of ROLES) expect(scopesOf(role)).not.toContain('ingest');
  });

  it('lets each role do what its scopes allow and no more', () => {
    expect(scopeSatisfies(scopesOf('analyst'), 'read')).toBe(true);
    expect(scopeSatisfies(scopesOf('analyst'), 'write')).toBe(false);
    expect(scopeSatisfies(scopesOf('marketer'), 'write')).toBe(true);
    expect(scopeSatisfies(scopesOf('marketer'), 'admin')).toBe(false);
    expect(scopeSatisfies(scopesOf('admin'), 'admin')).toBe(true);
  });
});

describe('returnTo', () => {
  it('keeps a path on this origin, with its query and fragment', () => {
    for (const path of ['/', '/contacts', '/contacts/c_1?tab=timeline', '/segments#new', '/a/b%20c'])
      expect(safeReturnTo(path), path).toBe(path);
  });

  it('refuses anything that could leave the origin, and falls back to /', () => {
    const bad = [
      '//evil.example',
      '//evil.example/path',
      'https://evil.example',
      'http:evil.example',
      'javascript:alert(1)',
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'contacts',
      '',
      `/${'a'.repeat(3000)}`,
      '/..//evil.example',
    ];
    for (const value of bad) {
      expect(isSafeReturnTo(value), JSON.stringify(value)).toBe(false);
      expect(safeReturnTo(value)).toBe('/');
    }
    expect(safeReturnTo(undefined)).toBe('/');
  });
});

describe('cookies and the sign-in flow', () => {
  it('writes HttpOnly, SameSite cookies with path, lifetime and Secure as asked', () => {
    expect(setCookie('ecrm_session', 'a b', { path: '/', maxAge: 3600, secure: true })).toBe(
      'ecrm_session=a%20b; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure',
    );
    expect(clearCookie('ecrm_refresh', { path: '/auth', secure: false })).toBe(
      'ecrm_refresh=; Path=/auth; Max-Age=0; HttpOnly; SameSite=Strict',
    );
    expect(setCookie('ecrm_oauth', 'x', { path: '/auth', secure: false, sameSite: 'Lax' })).toContain(
      'SameSite=Lax',
    );
  });

  it('reads payload 2.0 cookies; the first of a name wins', () => {
    expect(parseCookies(['a=1', 'b=x%20y', 'a=2', 'junk', 'c=d=e'])).toEqual({ a: '1', b: 'x y', c: 'd=e' });
    expect(parseCookies(undefined)).toEqual({});
  });

  it('keeps state, verifier and a safe returnTo in the flow cookie, and refuses a tampered one', () => {
    const flow = { state: randomState(), verifier: randomVerifier(), returnTo: '/contacts' };
    expect(decodeFlow(encodeFlow(flow))).toEqual(flow);
    expect(decodeFlow(encodeFlow({ ...flow, returnTo: '//evil.example' }))).toBeUndefined();
    expect(decodeFlow('not json')).toBeUndefined();
    expect(decodeFlow(undefined)).toBeUndefined();
  });

  it('derives the S256 challenge of RFC 7636', () => {
    // RFC 7636 appendix B.
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});
