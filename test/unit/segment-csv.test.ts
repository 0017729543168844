import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../lib/segments/csv.ts';

describe('CSV reader', () => {
  it('reads quoted fields, doubled quotes, commas and line breaks in quotes, CRLF and a BOM', () => {
    const rows = parseCsv(
      '\ufeffemail,name\r\na@example.com,"Ana, ""La Jefa"""\r\n"b@example.com","two\nlines"\n\nc@example.com,\n',
    );
    expect(rows).toEqual([
      { line: 1, cells: ['email', 'name'] },
      { line: 2, cells: ['a@example.com', 'Ana, "La Jefa"'] },
      { line: 3, cells: ['b@example.com', 'two\nlines'] },
      { line: 6, cells: ['c@example.com', ''] },
    ]);
  });

  it('names the line of a broken quote', () => {
    expect(() => parseCsv('email\n"a@example.com')).toThrow(CsvError);
    expect(() => parseCsv('email\nab"c')).toThrow('line 2');
  });

  it('refuses text after a closing quote instead of reading "a"b as ab, naming the line', () => {
    expect(() => parseCsv('email,name\nx@example.com,"a"b\n')).toThrow(CsvError);
    expect(() => parseCsv('email,name\n\nx@example.com,ok\ny@example.com,"a"b\n')).toThrow('line 4');
  });

  it('accepts mixed line ends and a row after a multi-line field keeps its own line', () => {
    expect(parseCsv('a\r\n"x\ny"\rb\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });
});
