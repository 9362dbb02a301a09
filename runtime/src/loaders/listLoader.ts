import DataLoader from 'dataloader';
import { groupBy } from './groupBy';

/**
 * Per-request batches of lists keyed by one id (an employee's agreements, say): one read for
 * every id of the batch, its rows handed back per id in the order read.
 */
export function listLoader<T>(
  read: (ids: string[]) => Promise<T[]>,
  idOf: (row: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const byId = groupBy(await read([...ids]), idOf);
    return ids.map((id) => byId.get(id) ?? []);
  });
}
