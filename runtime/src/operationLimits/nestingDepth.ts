/**
 * How deep lists and objects nest in a JSON value (a scalar is 0, `{}` and `[]` are 1),
 * counted without recursion and given up on past `max`: the answer is then `max + 1`.
 * A value thousands of levels deep, a few kilobytes of request, costs no more than that.
 */
export function nestingDepth(value: unknown, max: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > max) return max + 1;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}
