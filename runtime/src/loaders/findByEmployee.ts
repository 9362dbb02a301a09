import type { EntitySchema, FilterQuery, OrderDefinition } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { byEmployee } from './groupBy';

/**
 * The rows of many employees that match `where`, in one query, by employee in `orderBy`'s
 * order (the read behind a range loader).
 */
export async function findByEmployee<T extends { employeeId: string }>(
  em: EntityManager,
  schema: EntitySchema<T>,
  employeeIds: readonly string[],
  where: FilterQuery<T>,
  orderBy: OrderDefinition<T>,
): Promise<Map<string, T[]>> {
  const filter = { employeeId: { $in: [...employeeIds] }, ...(where as object) };
  const rows: T[] = await em.find(schema, filter as FilterQuery<T>, { orderBy });
  return byEmployee(rows);
}
