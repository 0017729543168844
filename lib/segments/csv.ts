/**
 * Reads a CSV list (RFC 4180) with `csv-parse`: quoted fields, doubled quotes inside them, commas and
 * line breaks in quotes, CRLF, LF or CR line ends (mixed too), a UTF-8 BOM, blank lines skipped. A
 * malformed file is refused, never guessed at: `"a"b` is an error, not `ab`. Rows come out as arrays
 * of strings with the line they start on, and errors name their line, so an import can name the row.
 */
import { CsvError as ParseError, parse } from 'csv-parse/sync';
import * as z from 'zod';

export interface CsvRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** What each csv-parse error means for someone fixing their file. */
const MEANING: Readonly<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote (quote the whole field: "a""b" for a"b)',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field and double the quote)',
};

/** What csv-parse returns with `info: true` (its types do not say so). */
const parsed = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }),
);

const lineBreaks = (cells: readonly string[]) =>
  cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

export const parseCsv = (text: string): CsvRow[] => {
  try {
    const records = parsed.parse(
      parse(text, {
        bom: true,
        info: true,
        skip_empty_lines: true,
        relax_column_count: true,
        record_delimiter: ['\r\n', '\n', '\r'],
      }),
    );
    // `info.lines` is the line a record ends on; a record with line breaks in quotes started earlier.
    return records.map(({ record, info }) => ({ line: info.lines - lineBreaks(record), cells: record }));
  } catch (error) {
    if (error instanceof ParseError) {
      const line = typeof error.lines === 'number' ? error.lines : 1;
      throw new CsvError(MEANING[error.code] ?? error.message, line);
    }
    throw error;
  }
};
