import { invalid } from '../errors';

/** The largest page a connection serves. */
export const MAX_PAGE = 500;

/** An opaque cursor: the (detected at, id) of a page's last violation. */
export const encodeCursor = (detectedAt: Date, id: string): string =>
  Buffer.from(JSON.stringify([detectedAt.toISOString(), id])).toString('base64url');

/** The key a cursor holds, or BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string): { detectedAt: Date; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((v) => typeof v === 'string') &&
      !Number.isNaN(Date.parse(value[0] as string))
    )
      return { detectedAt: new Date(value[0] as string), id: value[1] as string };
  } catch {
    // reported below
  }
  throw invalid('after', 'after must be an endCursor this query returned.');
}

export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
    throw invalid('first', `first must be between 0 and ${MAX_PAGE}.`);
}
