import { describe, expect, it } from 'vitest';
import { scopeSatisfies } from '../../lib/shared/http/route.ts';
import { hashSecret, mintToken, parseToken, secretMatches } from '../../lib/workspaces/api-key-token.ts';

describe('API key tokens', () => {
  it('round-trips a minted token and stores only a hash', () => {
    const { token, keyId, secretHash } = mintToken('ws_acme', new Date());
    const parsed = parseToken(`Bearer ${token}`);
    expect(parsed?.workspaceId).toBe('ws_acme');
    expect(parsed?.keyId).toBe(keyId);
    expect(secretHash).not.toContain(parsed?.secret ?? 'x');
    expect(secretMatches(parsed?.secret ?? '', secretHash)).toBe(true);
  });

  it('refuses malformed tokens and wrong secrets', () => {
    const { token, secretHash } = mintToken('ws_acme', new Date());
    expect(parseToken(undefined)).toBeUndefined();
    expect(parseToken('Bearer nope')).toBeUndefined();
    expect(parseToken(`${token}x`)).toBeUndefined();
    expect(secretMatches('a'.repeat(39), secretHash)).toBe(false);
    expect(secretMatches('x', hashSecret('y'))).toBe(false);
  });

  it('gives each scope only what it should', () => {
    expect(scopeSatisfies(['ingest'], 'ingest')).toBe(true);
    expect(scopeSatisfies(['ingest'], 'read')).toBe(false);
    expect(scopeSatisfies(['ingest'], 'write')).toBe(false);
    expect(scopeSatisfies(['read'], 'write')).toBe(false);
    expect(scopeSatisfies(['read'], 'ingest')).toBe(false);
    expect(scopeSatisfies(['write'], 'read')).toBe(true);
    expect(scopeSatisfies(['write'], 'admin')).toBe(false);
    expect(scopeSatisfies(['admin'], 'admin')).toBe(true);
    expect(scopeSatisfies([], 'public')).toBe(true);
  });
});
