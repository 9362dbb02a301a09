import { ConnectionPager, type PagedConnection } from './ConnectionPager';
import { ExportTable, type ExportTableProps } from './ExportTable';
import type { PagedList } from './usePagedQuery';

export interface PagedTableProps<T>
  extends Omit<ExportTableProps<T>, 'rows'>, PagedList<PagedConnection & { nodes: readonly T[] }> {}

/** A page of a connection: its export, its table, and previous and next under it. */
export function PagedTable<T>({ connection, pages, ...table }: PagedTableProps<T>) {
  return (
    <>
      <ExportTable {...table} rows={connection?.nodes ?? []} />
      <ConnectionPager connection={connection} pages={pages} />
    </>
  );
}
