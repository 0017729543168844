/**
 * The pure rules of contact search: how text is folded for matching, and which terms a contact is
 * found under. A search is a prefix match of the folded query against the folded terms, so "ana gar",
 * "GARC", "García" and "ana@" all find Ana García <ana@example.com>. No I/O.
 *
 * Folding: NFKD, combining marks stripped, lower case, a few letters NFKD keeps whole (ß, ø, ł, æ...)
 * spelled out, apostrophes dropped (O'Brien = obrien), dashes and other separators made one space.
 * CJK text has no spaces between words, so no space is kept next to a CJK character: "陳 大文" and
 * "陳大文" fold alike, and a prefix of the characters finds the name.
 */

/** Longest folded term or query, in characters; longer ones are cut (a prefix this long is unique enough). */
export const TERM_MAX = 100;
/** At most this many terms per contact: they are written in the contact's own transaction. */
export const MAX_TERMS = 8;

const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
};
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');
const APOSTROPHES = /['’ʼ`´]/gu;
/** Runs of what separates words: spaces, controls, dashes, brackets, quotes and list punctuation. */
const SEPARATORS = /[\s\p{Cc}\p{Cf}\p{Z}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf},;:!?"/\\|]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

/** The words of a text, folded. */
export const foldWords = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLDED_LETTERS, (c) => LETTERS[c] ?? c)
    .replace(APOSTROPHES, '')
    .split(SEPARATORS)
    .filter((w) => w.length > 0);

/** Words joined by one space, or by nothing where either side of the join is a CJK character. */
const joinWords = (words: readonly string[]): string =>
  words.reduce((out, word) => {
    if (out === '') return word;
    const cjk = CJK.test(out.at(-1) ?? '') || CJK.test(Array.from(word)[0] ?? '');
    return `${out}${cjk ? '' : ' '}${word}`;
  }, '');

/** At most TERM_MAX characters (code points, so a character is never cut in half). */
const cut = (text: string): string => {
  const chars = Array.from(text);
  return chars.length > TERM_MAX ? chars.slice(0, TERM_MAX).join('') : text;
};

/** A text folded for matching: what a query becomes, and what each term is. */
export const foldText = (text: string): string => cut(joinWords(foldWords(text)));

/** Compare as DynamoDB orders sort keys: by UTF-8 bytes (JavaScript compares UTF-16 units). */
export const compareUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

export interface Searchable {
  readonly email?: string | undefined;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
}

/**
 * The terms a contact is found under: its full name both ways round ("ana garcia", "garcia ana"),
 * each later word of the full name on ("maria jose garcia lopez" → "jose garcia lopez", "lopez"), and
 * its email. A term that is a prefix of another is dropped (the longer one finds it already), so a
 * first and last name with an email make three terms. Unique, at most MAX_TERMS.
 */
export const searchTermsOf = (contact: Searchable): string[] => {
  const first = foldWords(contact.firstName ?? '');
  const last = foldWords(contact.lastName ?? '');
  const forward = [...first, ...last];
  const candidates = [joinWords(forward), joinWords([...last, ...first])];
  if (contact.email) candidates.push(joinWords(foldWords(contact.email)));
  for (let i = 1; i < forward.length; i++) candidates.push(joinWords(forward.slice(i)));
  const terms = [...new Set(candidates.map(cut).filter((t) => t.length > 0))];
  return terms.filter((t) => !terms.some((other) => other !== t && other.startsWith(t))).slice(0, MAX_TERMS);
};

/** Terms in `after` and not in `before`, and the other way round: what a change writes and deletes. */
export const termChanges = (
  before: Searchable | undefined,
  after: Searchable | undefined,
): { added: string[]; removed: string[] } => {
  const was = before ? searchTermsOf(before) : [];
  const is = after ? searchTermsOf(after) : [];
  return { added: is.filter((t) => !was.includes(t)), removed: was.filter((t) => !is.includes(t)) };
};

/**
 * The term under which a search for `prefix` lists the contact: its smallest matching term in sort
 * key order. A contact matching by several terms (first name and email) is listed once, there, on
 * whichever page that term falls.
 */
export const listedUnder = (contact: Searchable, prefix: string): string | undefined =>
  searchTermsOf(contact)
    .filter((t) => t.startsWith(prefix))
    .sort(compareUtf8)[0];
