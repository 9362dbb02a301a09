/** What a cell of an export can hold. */
type CsvValue = string | number | boolean | null | undefined;

/** One column of an export: its heading and how to read it from a row. */
export interface CsvColumn<T> {
  heading: string;
  value: (row: T) => CsvValue;
}

/**
 * Columns that export fields as they are, from `{ heading: field }` in column order (a heading
 * is words, never a number, so the object keeps the order it is written in). They serve any
 * row that has those fields, each a text, a number or a yes/no.
 */
export function fieldColumns<F extends string>(
  fields: Record<string, F>,
): CsvColumn<Record<F, CsvValue>>[] {
  return Object.entries(fields).map(([heading, field]) => ({
    heading,
    value: (row) => row[field],
  }));
}

const cell = (value: CsvValue) => {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be a formula to a spreadsheet; quote it as text.
  // Numbers stay numbers (-1 is not a formula).
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  // A ; is quoted too: Excel with a semicolon list separator splits cells there.
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV of the rows, with a heading line. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.heading)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
