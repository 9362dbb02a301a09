import { ConnectionPager, type PagedConnection } from './ConnectionPager';
import { ExportTable, type ExportTableProps } from './ExportTable';
import type { Pages } from './usePages';

export interface PagedTableProps<T> extends Omit<ExportTableProps<T>, 'rows'> {
  /** The page on screen; undefined until it has loaded. */
  connection: (PagedConnection & { nodes: readonly T[] }) | null | undefined;
  pages: Pages;
}

/** A page of a connection: its export, its table, and previous and next under it. */
export function PagedTable<T>({ connection, pages, ...table }: PagedTableProps<T>) {
  return (
    <>
      <ExportTable {...table} rows={connection?.nodes ?? []} />
      <ConnectionPager connection={connection} pages={pages} />
    </>
  );
}
