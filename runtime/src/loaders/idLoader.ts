import DataLoader from 'dataloader';
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

/** Per-request batches of rows by id (copies, agreements, courses): one query for a batch. */
export function idLoader<T extends { id: string }>(
  em: EntityManager,
  schema: EntitySchema<T>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows: T[] = await em.find(schema, { id: { $in: [...ids] } } as object);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
