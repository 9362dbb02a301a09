import { toCsv, type CsvColumn } from './csv';

/** Offers the rows the person is looking at as a CSV file. */
export function downloadCsv<T>(
  filename: string,
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
) {
  const url = URL.createObjectURL(new Blob([toCsv(rows, columns)], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
