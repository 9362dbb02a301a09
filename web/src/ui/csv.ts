/** One column of an export: its heading and how to read it from a row. */
export interface CsvColumn<T> {
  heading: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

const cell = (value: string | number | boolean | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be a formula to a spreadsheet; quote it as text.
  // Numbers stay numbers (-1 is not a formula).
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV of the rows, with a heading line. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.heading)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
