import type {
  EntityDictionary,
  EntityManager,
  EntitySchema,
  FilterQuery,
  FindOptions,
} from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { queryBound, quotedTable } from '../../messaging';

/** How the rows read are handed back: managed by the manager, or detached (read only). */
export interface ReadOptions {
  /** As MikroORM's option: the rows are not kept in the manager's identity map. */
  disableIdentityMap?: boolean;
}

// The statements built for each database (its configuration), by a key their builder names.
const statements = new WeakMap<object, Map<string, string>>();

/** The statement `key` names on `em`'s database: built by `build` once, then kept. */
export function statementOf(em: EntityManager, key: string, build: () => string): string {
  let known = statements.get(em.config);
  if (!known) statements.set(em.config, (known = new Map()));
  let sql = known.get(key);
  if (sql === undefined) known.set(key, (sql = build()));
  return sql;
}

/** The quoted column of an entity's property that maps to one column. */
export function columnOf(em: EntityManager, className: string, property: string): string {
  const { properties } = em.getMetadata().get<Record<string, unknown>>(className);
  const prop = properties[property];
  if (!prop || prop.fieldNames?.length !== 1)
    throw new TypeError(`${className}.${property} is not a column of its own.`);
  return em.getPlatform().quoteIdentifier(prop.fieldNames[0]!);
}

/** `select * from <table> where <column> in (?, …)` for `count` values, kept per count. */
function selectSql(
  em: EntityManager,
  schema: EntitySchema<never>,
  property: string,
  count: number,
) {
  const key = `in:${schema.meta.className}.${property}.${count}`;
  return statementOf(em, key, () => {
    const column = columnOf(em, schema.meta.className, property);
    const test = count === 1 ? `= ?` : `in (${Array(count).fill('?').join(', ')})`;
    return `select * from ${quotedTable(em as SqlEntityManager, schema)} where ${column} ${test}`;
  });
}

/**
 * Rows as the database sent them (`select *`, or any statement of the table's columns) as
 * entities of `schema`, converted as `find` converts them: managed by `em`, or detached.
 */
export function mapRows<T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  rows: readonly EntityDictionary<T>[],
  options: ReadOptions = {},
): T[] {
  if (rows.length === 0) return [];
  // As MikroORM's own option does it: a fork of its own, cleared once the rows are made.
  const into = options.disableIdentityMap ? em.fork({ keepTransactionContext: true }) : em;
  const entities = rows.map((row) => into.map(schema, row));
  if (options.disableIdentityMap) into.clear();
  return entities;
}

/**
 * The rows of `schema` whose `property` is one of `values`, as `em.find(schema, { [property]:
 * { $in: values } }, options)` gives them, read with one bound statement. For the reads every
 * event or request makes, where building the query costs far more than running it; while
 * `em` holds changes of the table that `find` would flush first, it goes through `find`.
 */
export async function findIn<T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  property: keyof T & string,
  values: readonly unknown[],
  options: ReadOptions = {},
): Promise<T[]> {
  const unique = [...new Set(values)];
  if (unique.length === 0) return [];
  const meta = em.getMetadata().get(schema.meta.className);
  if (em.getUnitOfWork().shouldAutoFlush(meta)) {
    const where = { [property]: { $in: unique } } as FilterQuery<T>;
    return em.find(schema, where, options as FindOptions<T>) as unknown as Promise<T[]>;
  }
  return mapRows(em, schema, await selectIn(em, schema, property, unique), options);
}

/** The rows whose `property` is one of `values` (distinct), as the database sends them. */
function selectIn<T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  property: string,
  values: readonly unknown[],
): Promise<EntityDictionary<T>[]> {
  const sql = selectSql(em, schema as unknown as EntitySchema<never>, property, values.length);
  return queryBound<EntityDictionary<T>>(em as SqlEntityManager, sql, values);
}

/**
 * The row of `schema` with this id, managed by `em` as `em.findOne(schema, { id })` would
 * give it: the one `em` holds already, else read with one bound statement. For the reads
 * every request makes, where building the query costs far more than running it; anything
 * with options (populate, locks, filters) goes through `findOne`, and so does this read
 * while `em` holds changes of the table that `findOne` would flush first.
 */
export async function findById<T extends { id: string }>(
  em: EntityManager,
  schema: EntitySchema<T>,
  id: string,
): Promise<T | null> {
  const uow = em.getUnitOfWork();
  if (uow.shouldAutoFlush(em.getMetadata().get(schema.meta.className)))
    return em.findOne(schema, { id } as FilterQuery<T>);
  const held = uow.getById<{ id: string }>(schema.meta.className, id);
  if (held) return held as T;
  // The flush check is made above: read directly rather than through findIn, which makes it again.
  const [row] = await selectIn(em, schema, 'id', [id]);
  return row ? em.map(schema, row) : null;
}
