import DataLoader from 'dataloader';

/**
 * The key of a read of one employee over the days `from` to `to` (`YYYY-MM-DD`), the range
 * most domains' range loaders batch; what the days cover is the read's to say.
 */
export interface EmployeeRange {
  employeeId: string;
  from: string;
  to: string;
}

/**
 * Per-request batches of reads of one employee over a range (of days, or of instants): one
 * query per distinct range in the batch, with every employee of that range in it.
 */
export function rangeLoader<K extends { employeeId: string }, T>(
  rangeOf: (key: K) => string,
  read: (ids: string[], range: K) => Promise<Map<string, T[]>>,
): DataLoader<K, T[], string> {
  const cacheKeyFn = (key: K) => `${key.employeeId}|${rangeOf(key)}`;
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const key of keys) groups.set(rangeOf(key), [...(groups.get(rangeOf(key)) ?? []), key]);
      const results = new Map<string, T[]>();
      for (const group of groups.values()) {
        const ids = [...new Set(group.map((k) => k.employeeId))];
        const found = await read(ids, group[0]);
        for (const key of group) results.set(cacheKeyFn(key), found.get(key.employeeId) ?? []);
      }
      return keys.map((key) => results.get(cacheKeyFn(key)) ?? []);
    },
    { cacheKeyFn },
  );
}
