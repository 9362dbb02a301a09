/** Rows grouped by a key, each group in the order read. */
export function groupBy<T>(rows: Iterable<T>, keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Rows by their employee, in the order read (a range loader's batch answer). */
export const byEmployee = <T extends { employeeId: string }>(rows: Iterable<T>): Map<string, T[]> =>
  groupBy(rows, (row) => row.employeeId);
