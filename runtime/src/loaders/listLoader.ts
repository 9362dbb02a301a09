import DataLoader from 'dataloader';
import type { EntitySchema, FilterQuery, OrderDefinition } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
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

/**
 * Per-request batches of each employee's rows of `schema` (their copies of agreements,
 * their assignments), in `orderBy`'s order: one query for a batch.
 */
export function employeeRowsLoader<T extends { employeeId: string }>(
  em: EntityManager,
  schema: EntitySchema<T>,
  orderBy?: OrderDefinition<T>,
): DataLoader<string, T[]> {
  return listLoader(
    (ids): Promise<T[]> =>
      em.find(schema, { employeeId: { $in: ids } } as FilterQuery<T>, { orderBy }),
    (row) => row.employeeId,
  );
}
