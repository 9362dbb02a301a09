import type {
  EntityDictionary,
  EntityManager as CoreEntityManager,
  EntitySchema,
  FilterQuery,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { queryBound, quotedTable } from '../../messaging';

// The statement of each entity, per database (its configuration), built once.
const statements = new WeakMap<object, Map<string, string>>();

function byIdSql(em: EntityManager, schema: EntitySchema<{ id: string }>): string {
  let known = statements.get(em.config);
  if (!known) statements.set(em.config, (known = new Map()));
  let sql = known.get(schema.meta.className);
  if (sql === undefined) {
    const { properties } = em.getMetadata().get<{ id: string }>(schema.meta.className);
    const id = em.getPlatform().quoteIdentifier(properties.id.fieldNames[0]!);
    sql = `select * from ${quotedTable(em, schema)} where ${id} = ?`;
    known.set(schema.meta.className, sql);
  }
  return sql;
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
  const sql = byIdSql(em, schema as unknown as EntitySchema<{ id: string }>);
  const [row] = await queryBound<EntityDictionary<T>>(em, sql, [id]);
  return row ? (em as unknown as CoreEntityManager).map(schema, row) : null;
}
