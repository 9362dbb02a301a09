import { useState } from 'react';
import type { PagerProps } from './Pager';

/** A list held whole in the browser, shown `size` rows at a time: the page's rows and its pager. */
export function useListPages<T>(all: readonly T[], size: number): { rows: T[]; pager: PagerProps } {
  const [page, setPage] = useState(0);
  return {
    rows: all.slice(page * size, (page + 1) * size),
    pager: {
      totalCount: all.length,
      hasNext: (page + 1) * size < all.length,
      hasPrevious: page > 0,
      onNext: () => setPage((p) => p + 1),
      onPrevious: () => setPage((p) => Math.max(p - 1, 0)),
    },
  };
}
