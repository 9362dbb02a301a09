import { invalid } from './errors';

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
    // falls through
  }
  throw invalid('after', 'after must be an endCursor this query returned.');
}

/** The largest page a connection serves. */
export const MAX_PAGE = 500;

/** Checks a connection's `first`. */
export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
    throw invalid('first', `first must be between 0 and ${MAX_PAGE}.`);
}
