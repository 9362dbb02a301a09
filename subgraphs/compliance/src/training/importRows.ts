import { parse } from 'csv-parse/sync';
import { invalid } from '../errors';

/** The most rows one import takes. */
export const MAX_IMPORT_ROWS = 5000;

export const IMPORT_COLUMNS = ['employee_id', 'course_code', 'completed_on'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One row as the file gave it, numbered from 1 after a CSV header. */
export interface ImportRow {
  row: number;
  values: Record<ImportColumn, string>;
}

/** A row the file itself gets wrong. */
export interface RowProblem {
  row: number;
  column: string | null;
  message: string;
}

/**
 * The file's lines one by one, without splitting the whole text into an array. A line ends
 * at CRLF, LF or a lone CR (old Mac exports), so a CR-only file is not read as one line.
 */
function* linesOf(content: string): Generator<string> {
  const ends = /\r\n|\n|\r/g;
  let start = 0;
  for (let end = ends.exec(content); end; end = ends.exec(content)) {
    yield content.slice(start, end.index);
    start = ends.lastIndex;
  }
  yield content.slice(start);
}

/** Spreadsheets and Windows editors start UTF-8 files with a BOM; it is not part of row 1. */
const withoutBom = (content: string) => (content.startsWith('\uFEFF') ? content.slice(1) : content);

/** A CSV line's fields (csv-parse, as the agreements import reads), or null when malformed. */
function csvFields(line: string): string[] | null {
  try {
    const [fields] = parse(line, { relax_column_count: true }) as string[][];
    return fields ?? [''];
  } catch {
    return null;
  }
}

/** Where each column is in a CSV header, or a refusal of the whole file. */
function headerOf(line: string | undefined): Record<ImportColumn, number> {
  const names = (line === undefined ? [] : (csvFields(line) ?? [])).map((n) =>
    n.trim().toLowerCase(),
  );
  const at = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)]));
  if (IMPORT_COLUMNS.some((c) => at[c] === -1))
    throw invalid(
      'input.content',
      `The first line must be the header ${IMPORT_COLUMNS.join(',')}.`,
    );
  return at as Record<ImportColumn, number>;
}

const blank = (line: string) => line.trim() === '';

/** One NDJSON line as a row, or the problem with it. */
function ndjsonRow(line: string, row: number): ImportRow | RowProblem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { row, column: null, message: 'The line is not a JSON object.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { row, column: null, message: 'The line is not a JSON object.' };
  const record = value as Record<string, unknown>;
  const values = {} as Record<ImportColumn, string>;
  for (const column of IMPORT_COLUMNS) {
    const field = record[column];
    if (typeof field !== 'string')
      return { row, column, message: `${column} is missing or not a string.` };
    values[column] = field;
  }
  return { row, values };
}

/** One CSV line as a row, or the problem with it. */
function csvRow(
  line: string,
  row: number,
  at: Record<ImportColumn, number>,
): ImportRow | RowProblem {
  const fields = csvFields(line);
  if (!fields)
    return {
      row,
      column: null,
      message: 'The line is not a valid CSV row (an unclosed or stray quote).',
    };
  const values = {} as Record<ImportColumn, string>;
  for (const column of IMPORT_COLUMNS) {
    const field = fields[at[column]];
    if (field === undefined) return { row, column, message: `${column} is missing.` };
    values[column] = field.trim();
  }
  return { row, values };
}

/**
 * The rows of a file, CSV (with its header) or NDJSON, read line by line; blank lines are
 * skipped but keep their number. No rows, or more than {@link MAX_IMPORT_ROWS}, refuses the file.
 */
export function* importRows(
  format: 'CSV' | 'NDJSON',
  content: string,
): Generator<ImportRow | RowProblem> {
  const lines = linesOf(withoutBom(content));
  const at = format === 'CSV' ? headerOf(lines.next().value as string | undefined) : null;
  let row = 0;
  let count = 0;
  for (const line of lines) {
    row += 1;
    if (blank(line)) continue;
    if (++count > MAX_IMPORT_ROWS)
      throw invalid('input.content', `An import takes at most ${MAX_IMPORT_ROWS} rows.`);
    yield at ? csvRow(line, row, at) : ndjsonRow(line, row);
  }
  // As the agreements import does: a file with nothing to import is refused, not reported
  // as an import of nothing, so a file that was misread or cut short is noticed.
  if (count === 0) throw invalid('input.content', 'The file has no rows to import.');
}

export const isProblem = (item: ImportRow | RowProblem): item is RowProblem => !('values' in item);
