import type { EntitySchema, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

/** The columns of a row's period: when it starts, and when it ends (null while it is open). */
export interface PeriodColumns<T> {
  start: keyof T & string;
  end: keyof T & string;
}

/** A period `[start, end)`; a null end is open. */
export interface Period {
  start: Date;
  end: Date | null;
}

/**
 * The rows matching `where` whose period shares an instant with `period`, all but the row
 * `exceptId` (the one being amended), earliest first. Open ends, on either side, run forever.
 */
export function findOverlapping<T extends { id: string }>(
  tx: EntityManager,
  schema: EntitySchema<T>,
  columns: PeriodColumns<T>,
  where: FilterQuery<T>,
  { start, end }: Period,
  exceptId?: string | null,
): Promise<T[]> {
  const filter = {
    ...(where as object),
    ...(exceptId && { id: { $ne: exceptId } }),
    ...(end && { [columns.start]: { $lt: end } }),
    $or: [{ [columns.end]: null }, { [columns.end]: { $gt: start } }],
  };
  const options = { orderBy: { [columns.start]: 'asc' } } as FindOptions<T>;
  return tx.find(schema, filter as FilterQuery<T>, options);
}
