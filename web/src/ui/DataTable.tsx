import type { HTMLAttributes, ReactNode } from 'react';
import type { CsvColumn } from './csv';

/** One column of a table: its heading and what its cell shows of a row. */
export interface Column<T> {
  heading: string;
  /** A heading only screen readers read, over a column of buttons. */
  hiddenHeading?: boolean;
  cell(row: T): ReactNode;
}

export interface DataTableProps<T> {
  /** The table's accessible name. */
  label: string;
  rows: readonly T[];
  /** The columns; `false` leaves one out (a column only some people see). */
  columns: readonly (Column<T> | false)[];
  /** The key of a row among the others: its `id` unless given. */
  rowKey?(row: NoInfer<T>, index: number): string;
  /** More attributes of a row's `tr`, e.g. a class marking it overdue. */
  rowProps?(row: NoInfer<T>): HTMLAttributes<HTMLTableRowElement>;
  /** Said below the table when it has no rows. */
  empty?: ReactNode;
  /** The buttons of a row, in a last column whose heading only screen readers read. */
  actions?(row: T): ReactNode;
  /** That column's heading (`Actions` unless given). */
  actionsHeading?: string;
}

const idOf = (row: unknown, index: number) => String((row as { id?: string }).id ?? index);

/** A table of rows, one column per field, named for assistive technology. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, rows, columns, rowKey = idOf, rowProps, empty, actions } = props;
  const shown = columns.filter((column): column is Column<T> => column !== false);
  if (actions)
    shown.push({ heading: props.actionsHeading ?? 'Actions', hiddenHeading: true, cell: actions });
  return (
    <>
      {/* A wide table scrolls within its own box, so the page never scrolls sideways on a
          phone; the box takes focus, so keyboard users can scroll it too. */}
      <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
        <table aria-label={label}>
          <thead>
            <tr>
              {shown.map((column, index) => (
                <th key={index}>
                  {column.hiddenHeading ? (
                    <span className="sr-only">{column.heading}</span>
                  ) : (
                    column.heading
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={rowKey(row, index)} {...rowProps?.(row)}>
                {shown.map((column, index) => (
                  <td key={index}>{column.cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {empty && rows.length === 0 && <p>{empty}</p>}
    </>
  );
}

/** The columns of an export shown as they are exported (for fields of text and numbers). */
export const columnsOf = <T,>(csv: readonly CsvColumn<T>[]): Column<T>[] =>
  csv.map(({ heading, value }) => ({ heading, cell: value }));
