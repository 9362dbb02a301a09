import type { CsvColumn } from './csv';
import { downloadCsv } from './downloadCsv';

export interface CsvButtonProps<T> {
  filename: string;
  rows: readonly T[];
  columns: readonly CsvColumn<T>[];
}

/** "Export CSV" of the list on screen. */
export function CsvButton<T>({ filename, rows, columns }: CsvButtonProps<T>) {
  return (
    <button
      type="button"
      onClick={() => downloadCsv(filename, rows, columns)}
      disabled={rows.length === 0}
    >
      Export CSV
    </button>
  );
}
