import { Pager } from './Pager';
import type { Pages } from './usePages';

/** What the pager reads of a GraphQL connection (the total only where the query asks for it). */
export interface PagedConnection {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface ConnectionPagerProps {
  /** The page on screen; undefined until it has loaded. */
  connection: PagedConnection | null | undefined;
  pages: Pages;
}

/** Previous and next over a connection, through the cursors {@link usePages} keeps. */
export function ConnectionPager({ connection, pages }: ConnectionPagerProps) {
  return (
    <Pager
      totalCount={connection?.totalCount}
      hasNext={connection?.pageInfo.hasNextPage ?? false}
      hasPrevious={pages.hasPrevious}
      onNext={() => pages.next(connection?.pageInfo.endCursor)}
      onPrevious={pages.previous}
    />
  );
}
