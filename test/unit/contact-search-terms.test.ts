import { describe, expect, it } from 'vitest';
import {
  compareUtf8,
  foldText,
  listedUnder,
  MAX_TERMS,
  searchTermsOf,
  TERM_MAX,
  termChanges,
} from '../../lib/contacts/search-terms.ts';
import { keys, SEARCH_SHARDS, SEARCH_SUBSHARDS, searchShardsOf } from '../../lib/shared/keys.ts';

const ana = { firstName: 'Ana', lastName: 'García', email: 'ana@example.com' };
const matches = (contact: Parameters<typeof searchTermsOf>[0], q: string) =>
  searchTermsOf(contact).some((t) => t.startsWith(foldText(q)));

describe('folding text for search', () => {
  it('ignores case, accents and compatibility forms', () => {
    expect(foldText('GARCÍA')).toBe('garcia');
    expect(foldText('Ångström Éluard')).toBe('angstrom eluard');
    expect(foldText('Ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
    expect(foldText('ﬁlippo')).toBe('filippo');
    expect(foldText('Straße Øster Łódź')).toBe('strasse oster lodz');
  });

  it('makes separators one space, drops apostrophes and trims', () => {
    expect(foldText('  Jean-Luc\t  Picard  ')).toBe('jean luc picard');
    expect(foldText("O'Brien")).toBe('obrien');
    expect(foldText('D’Angelo')).toBe('dangelo');
    expect(foldText('a\u0000b\u200bc')).toBe('a b c');
  });

  it('keeps what emails are made of', () => {
    expect(foldText('Ana.Garcia+news@Example.COM')).toBe('ana.garcia+news@example.com');
  });

  it('keeps no space next to CJK characters, so a prefix of the characters matches', () => {
    expect(foldText('陳 大文')).toBe('陳大文');
    expect(foldText('王 Wei')).toBe('王wei');
    // Compatibility ideographs (U+F900 block) fold to the unified ones.
    expect(foldText('\uF900')).toBe('豈');
  });

  it('is idempotent and leaves nothing of text without letters, digits or symbols', () => {
    for (const text of ['Ana García', '陳大文', 'o\u0301', 'Ǆemal'])
      expect(foldText(foldText(text))).toBe(foldText(text));
    expect(foldText(' - \u0301 ')).toBe('');
  });

  it('cuts at TERM_MAX characters, never inside a character', () => {
    expect(Array.from(foldText('𠀀'.repeat(150)))).toHaveLength(TERM_MAX);
    expect(foldText('𠀀'.repeat(150)).endsWith('𠀀')).toBe(true);
  });
});

describe('the terms of a contact', () => {
  it('are the full name both ways round and the email, for a first and last name', () => {
    expect(searchTermsOf(ana)).toEqual(['ana garcia', 'garcia ana', 'ana@example.com']);
  });

  it('find Ana García by every prefix the brief names, and not by a middle of a word', () => {
    for (const q of ['ana gar', 'GARC', 'García', 'ana@', 'ANA@EXAMPLE.COM', 'garcia a', 'a'])
      expect(matches(ana, q), q).toBe(true);
    for (const q of ['arcia', 'example.com', 'ana garcia x', 'gar ana'])
      expect(matches(ana, q), q).toBe(false);
  });

  it('find a compound name by each of its words', () => {
    const terms = searchTermsOf({ firstName: 'María José', lastName: 'García López' });
    expect(terms).toEqual([
      'maria jose garcia lopez',
      'garcia lopez maria jose',
      'jose garcia lopez',
      'lopez',
    ]);
    expect(matches({ firstName: 'Jean-Luc', lastName: 'Picard' }, 'luc pic')).toBe(true);
  });

  it('find a Traditional Chinese name by a prefix of its characters, family name first or not', () => {
    const chen = { firstName: '大文', lastName: '陳' };
    expect(searchTermsOf(chen)).toEqual(['大文陳', '陳大文']);
    for (const q of ['陳', '陳大', '陳大文', '陳 大文', '大', '大文']) expect(matches(chen, q), q).toBe(true);
    expect(matches(chen, '文')).toBe(false);
  });

  it('drop terms another term starts with, and hold at most MAX_TERMS', () => {
    expect(searchTermsOf({ firstName: 'Ana' })).toEqual(['ana']);
    expect(searchTermsOf({ email: 'x@example.com' })).toEqual(['x@example.com']);
    expect(searchTermsOf({})).toEqual([]);
    const many = searchTermsOf({ firstName: 'a b c d e f g h i j k l', lastName: 'z', email: 'e@x.io' });
    expect(many).toHaveLength(MAX_TERMS);
    expect(many).toContain('e@x.io');
    expect(new Set(many).size).toBe(many.length);
  });

  it('change only where a searchable field changed', () => {
    expect(termChanges(ana, { ...ana })).toEqual({ added: [], removed: [] });
    expect(termChanges(ana, { ...ana, email: 'ana@new.example' })).toEqual({
      added: ['ana@new.example'],
      removed: ['ana@example.com'],
    });
    expect(termChanges(undefined, ana).added).toHaveLength(3);
    expect(termChanges(ana, undefined).removed).toHaveLength(3);
  });

  it('list a contact under its smallest matching term, in DynamoDB byte order', () => {
    // "ana garcia" < "ana@example.com": a space sorts before "@".
    expect(listedUnder(ana, 'ana')).toBe('ana garcia');
    expect(listedUnder(ana, 'ana@')).toBe('ana@example.com');
    expect(listedUnder(ana, 'bob')).toBeUndefined();
    // UTF-16 order puts U+FF21 after an astral character; UTF-8 (DynamoDB's) puts it before.
    expect(compareUtf8('\uFF21', '𠀀')).toBeLessThan(0);
    expect('\uFF21' < '𠀀').toBe(false);
  });
});

describe('search shards', () => {
  it('put a prefix of two characters in one shard, the one its terms are written to', () => {
    expect(searchShardsOf('ga')).toHaveLength(1);
    const [shard] = searchShardsOf('ga');
    expect(keys.searchTerm('ws_1', 'garcia ana', 'c_1').pk).toBe(keys.searchShard('ws_1', shard ?? -1));
    expect(searchShardsOf('garcia')).toEqual(searchShardsOf('ga'));
  });

  it('put a one-character prefix in its initial’s sub-shards, which hold every term starting with it', () => {
    const shards = searchShardsOf('g');
    expect(shards).toHaveLength(SEARCH_SUBSHARDS);
    for (const term of ['g', 'ga', 'ge', 'gi', 'go', 'gu', 'gz', 'g@x.io'])
      expect(shards).toContain(searchShardsOf(term)[0]);
  });

  it('spread the terms of many names over the shards', () => {
    const initials = 'abcdefghijklmnopqrstuvwxyz';
    const used = new Set<number>();
    for (const a of initials) for (const b of initials) used.add(searchShardsOf(a + b)[0] ?? -1);
    for (const s of used) expect(s).toBeGreaterThanOrEqual(0);
    expect(Math.max(...used)).toBeLessThan(SEARCH_SHARDS);
    // 26 initials over 32 groups, 4 sub-shards each: most shards get some.
    expect(used.size).toBeGreaterThan(SEARCH_SHARDS / 2);
  });
});
