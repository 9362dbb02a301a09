import type { ReactNode } from 'react';
import type { CsvColumn } from './csv';
import { CsvToolbar } from './CsvToolbar';
import { columnsOf, DataTable, type DataTableProps } from './DataTable';

export interface ExportTableProps<T> extends Omit<DataTableProps<T>, 'columns'> {
  /** The export of the rows on screen: its file name and columns. */
  csv: { filename: string; columns: readonly CsvColumn<NoInfer<T>>[] };
  /** The table's columns: the export's, shown as they are exported, unless given. */
  columns?: DataTableProps<T>['columns'];
  /** Other buttons in the toolbar, after the export. */
  toolbar?: ReactNode;
  /** What stands between the toolbar and the table, e.g. the refusal of a row's action. */
  above?: ReactNode;
}

/** A table under the toolbar that exports its rows as CSV. */
export function ExportTable<T>(props: ExportTableProps<T>) {
  const { csv, toolbar, above, columns = columnsOf(csv.columns), ...table } = props;
  return (
    <>
      <CsvToolbar {...csv} rows={table.rows}>
        {toolbar}
      </CsvToolbar>
      {above}
      <DataTable {...table} columns={columns} />
    </>
  );
}
