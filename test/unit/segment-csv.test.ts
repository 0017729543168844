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
});
