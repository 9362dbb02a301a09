import { useState } from 'react';

/** Where a cursor-paged list is, as {@link usePages} keeps it. */
export type Pages = ReturnType<typeof usePages>;

/**
 * Cursor paging state: the cursors of the pages come through so far, so "previous" needs no
 * backward cursor from the server.
 */
export function usePages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  return {
    after,
    hasPrevious: cursors.length > 1,
    next: (endCursor: string | null | undefined) => {
      if (endCursor) setCursors((list) => [...list, endCursor]);
    },
    previous: () => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)),
    reset: () => setCursors([null]),
  };
}
