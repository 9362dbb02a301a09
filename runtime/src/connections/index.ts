import { badInput } from '../errors';

/** The largest page a connection serves. */
export const MAX_PAGE = 500;

/** An opaque page cursor: the sort key of a page's last node. */
export const encodeCursor = (key: string[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** The sort key a cursor holds (`parts` strings), or a BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string, parts: number): string[] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === parts && value.every((v) => typeof v === 'string'))
      return value as string[];
  } catch {
    // falls through to the refusal
  }
  throw badInput('after', 'after must be an endCursor this query returned.');
}

/** Checks a connection's `first`: 0 to {@link MAX_PAGE}, else BAD_USER_INPUT on `first`. */
export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
    throw badInput('first', `first must be between 0 and ${MAX_PAGE}.`);
}

/** A connection's `first` (50 when absent), checked. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? 50;
  checkFirst(size);
  return size;
}

/** A page of `rows` fetched one beyond `size`, with its page info. */
export function pageOf<T>(rows: T[], size: number, keyOf: (row: T) => string[]) {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: {
      endCursor: last ? encodeCursor(keyOf(last)) : null,
      hasNextPage: rows.length > size,
    },
  };
}
