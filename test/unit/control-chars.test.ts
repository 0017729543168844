import { describe, expect, it } from 'vitest';
import { headerText, isHeaderSafe } from '../../lib/email/send/header-safety.ts';
import { fromAddress } from '../../lib/senders/dns-records.ts';
import { displayNameSchema } from '../../lib/senders/sender-domain.schema.ts';
import { controlsToSpace, hasControlChars, oneLine } from '../../lib/shared/control-chars.ts';
import { plainText } from '../../lib/templates/liquid-engine.ts';
import { localeSourceInput } from '../../lib/templates/template.schema.ts';
import { text } from '../../lib/webhooks/mappers/normalise.ts';

/** Every character that can end or break a line somewhere, one of each kind. */
const HOSTILE: readonly [string, string][] = [
  ['CR', '\r'],
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['NUL', '\u0000'],
  ['TAB', '\t'],
  ['VT', '\u000b'],
  ['FF', '\u000c'],
  ['ESC', '\u001b'],
  ['DEL', '\u007f'],
  ['PAD (first C1)', '\u0080'],
  ['NEL', '\u0085'],
  ['APC (last C1)', '\u009f'],
  ['LINE SEPARATOR', '\u2028'],
  ['PARAGRAPH SEPARATOR', '\u2029'],
];

describe('control characters', () => {
  it.each(HOSTILE)('%s is a control character: refused, and repaired to one space', (_name, c) => {
    const value = `Ana${c}Bcc: victim@example.com`;
    expect(hasControlChars(value)).toBe(true);
    expect(controlsToSpace(value)).toBe('Ana Bcc: victim@example.com');
    expect(oneLine(`  ${c}${value}${c} `)).toBe('Ana Bcc: victim@example.com');
  });

  it('turns a run of mixed control characters into one space, not one each', () => {
    expect(controlsToSpace('a\r\n\u0000\u2028\u0085b')).toBe('a b');
    expect(oneLine('a \r\n b\t\tc')).toBe('a b c');
  });

  it.each([
    ['accented and CJK text', 'Olá 你好 ¿qué tal?'],
    ['an emoji (a surrogate pair)', 'Sale 🎉 today'],
    ['a no-break space and a zero-width joiner', 'Caf\u00e9\u00a0de\u200dParis'],
    ['Latin-1 just above C1', '\u00a0\u00ff'],
  ])('leaves %s as it is', (_name, value) => {
    expect(hasControlChars(value)).toBe(false);
    expect(controlsToSpace(value)).toBe(value);
  });

  it('does not count a lone surrogate (it cannot end a line) and never splits a pair', () => {
    const lone = 'a\ud800b\udfffc';
    expect(hasControlChars(lone)).toBe(false);
    expect(controlsToSpace(lone)).toBe(lone);
    // A control character right next to a surrogate pair takes nothing of the pair with it.
    expect(controlsToSpace('\n🎉\r')).toBe(' 🎉 ');
  });

  it('keeps nothing that could end a header line out of 64k code points', () => {
    let all = '';
    for (let cp = 0; cp < 0x10000; cp++) all += String.fromCharCode(cp);
    const out = oneLine(all);
    expect(hasControlChars(out)).toBe(false);
    expect(out).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
  });
});

describe('every caller uses the one definition', () => {
  const nel = 'Ana\u0085Bcc: x@evil.example';
  const ls = 'Ana\u2028Bcc: x@evil.example';

  it('header values: repaired to one line, and the check refuses the same set', () => {
    expect(headerText(nel)).toBe('Ana Bcc: x@evil.example');
    expect(isHeaderSafe(ls)).toBe(false);
    expect(isHeaderSafe('\u0080')).toBe(false);
  });

  it('From display names: repaired in the header, refused at registration', () => {
    expect(fromAddress('Ana\u2028\r\nShop', 'news', 'b.example')).toBe('"Ana Shop" <news@b.example>');
    expect(fromAddress('\u0085', 'news', 'b.example')).toBe('news@b.example');
    for (const bad of [nel, ls, 'Brand\r\nBcc: x', 'Brand\u0000'])
      expect(displayNameSchema.safeParse(bad).success).toBe(false);
    expect(displayNameSchema.parse('  Brand & Co — Olá  ')).toBe('Brand & Co — Olá');
  });

  it('template subjects and preheaders as written: one line, refused otherwise', () => {
    for (const subject of ['Hi\nthere', 'Hi\u2028there', 'Hi\u0085there', 'Hi\u0000there']) {
      const parsed = localeSourceInput.safeParse({ subject, html: '<p>x</p>' });
      expect(parsed.success, JSON.stringify(subject)).toBe(false);
    }
    expect(localeSourceInput.safeParse({ subject: 'Hi there 🎉', html: '<p>x</p>' }).success).toBe(true);
  });

  it('data in plain-text outputs and names from storefront payloads: one space per run', () => {
    expect(plainText(`x${'\r\n'}y\u2028z`)).toBe('x y z');
    expect(text(' Ana\u2029Lopez\u0085 ')).toBe('Ana Lopez');
    expect(text('\r\n\u0000')).toBeUndefined();
  });
});
