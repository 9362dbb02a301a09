/** Ids or rows per statement: well inside every driver's bound-parameter limit. */
export const CHUNK = 500;

/** `items` cut into runs of `size`, in order, for statements that each take one run. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
