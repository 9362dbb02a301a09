import { useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { PagedConnection } from './ConnectionPager';
import { usePages, type Pages } from './usePages';

/** Rows a page of a list shows unless the list asks for another size. */
export const PAGE_SIZE = 20;

/** A connection as PagedTable and ConnectionPager show it: the page on screen and its cursors. */
export interface PagedList<C extends PagedConnection = PagedConnection> {
  /** The page on screen; undefined until it has loaded. */
  connection: C | null | undefined;
  pages: Pages;
}

export interface PagedQueryOptions<TVariables> extends Pick<
  useQuery.Options,
  'skip' | 'errorPolicy'
> {
  /** The query's variables but the page's own (`first`, `after`). */
  variables: Omit<TVariables, 'first' | 'after'>;
  /** The cursors, when filters keep them (see useFilters); the query's own otherwise. */
  pages?: Pages;
  size?: number;
}

/**
 * A query of one connection read a page at a time: the query's result, and `list`, the page
 * with its cursors, for a PagedTable.
 */
export function usePagedQuery<
  TData,
  TVariables extends { first?: number | null; after?: string | null },
  C extends PagedConnection,
>(
  document: TypedDocumentNode<TData, TVariables>,
  connectionOf: (data: TData) => C | null | undefined,
  { variables, pages: given, size = PAGE_SIZE, ...options }: PagedQueryOptions<TVariables>,
) {
  const own = usePages();
  const pages = given ?? own;
  const result = useQuery<TData, TVariables>(document, {
    ...options,
    variables: { ...variables, first: size, after: pages.after } as TVariables,
  } as useQuery.Options<TData, TVariables>);
  const list: PagedList<C> = { connection: result.data && connectionOf(result.data), pages };
  return { ...result, list };
}
