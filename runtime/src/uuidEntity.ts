import { defineEntity, type EntityMetadataWithProperties } from '@mikro-orm/core';
import { rowId, type PropertyBuilders } from './entityColumns';

type WithRowId<C> = ReturnType<typeof rowId> & C;

/** The indexes and unique constraints of a table, over its columns. */
export type TableKeys<C extends Record<string, unknown>> = Pick<
  EntityMetadataWithProperties<C>,
  'indexes' | 'uniques'
>;

/**
 * A table of `columns`, its key among them. Each entity names itself and its table; the
 * entity's type follows from the columns.
 */
export function tableEntity<C extends Record<string, unknown>>(
  name: string,
  tableName: string,
  columns: (p: PropertyBuilders) => C,
  keys: TableKeys<C> = {},
) {
  return defineEntity({ name, tableName, ...keys, properties: columns });
}

/** A table whose rows are keyed by a UUID `id`, the first column, followed by `columns`. */
export function uuidEntity<C extends Record<string, unknown>>(
  name: string,
  tableName: string,
  columns: (p: PropertyBuilders) => C,
  keys: TableKeys<WithRowId<C>> = {},
) {
  return tableEntity(name, tableName, (p) => ({ ...rowId(p), ...columns(p) }), keys);
}
