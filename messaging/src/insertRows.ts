import type { EntityManager, EntityName, EntityProperty } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import { isPostgres } from './dialect';

/** Rows per SQLite INSERT: inside its bound-parameter limit for tables of up to 60 columns. */
export const ROWS_PER_INSERT = 500;

interface Columns<T> {
  /** The table, schema-qualified where it has a schema. */
  table: string;
  props: EntityProperty<T>[];
  /** What follows the rows: nothing for a plain insert, the conflict clause of an upsert. */
  onConflict?: string;
}

/** The stored columns of an entity: its scalar properties, in declaration order. */
function columnsOf<T extends object>(em: EntityManager, entity: EntityName<T>): Columns<T> {
  const meta = em.getMetadata().get<T>(entity);
  const props = meta.props.filter(
    (prop) => prop.kind === 'scalar' && prop.persist !== false && prop.fieldNames?.length === 1,
  ) as EntityProperty<T>[];
  return { table: tableNameOf(em, entity), props };
}

/** An entity's table, schema-qualified where it has a schema (each subgraph's, on PostgreSQL). */
function tableNameOf<T extends object>(em: EntityManager, entity: EntityName<T>): string {
  const meta = em.getMetadata().get<T>(entity);
  const schema = meta.schema ?? em.config.get('schema');
  return schema ? `${schema}.${meta.tableName}` : meta.tableName;
}

/** An entity's table as a statement names it: schema-qualified and quoted. */
export const quotedTable = <T extends object>(em: EntityManager, entity: EntityName<T>) =>
  quoted(em, tableNameOf(em, entity));

/**
 * Inserts plain `rows` of `entity`, in order, in `em`'s transaction. Every column is taken
 * from the row as it stands, through its type's conversion (JSON is serialised), with no
 * identity map, hooks or defaults. For the many rows of one change (an import's batch, the
 * events it records): `em.insertMany` spent more checking and converting each value than
 * the database spent storing it.
 */
export async function insertRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly T[],
): Promise<void> {
  await insertInto(em, columnsOf(em, entity), rows);
}

/**
 * `insertRows` where a row may exist already: a row whose primary key is stored replaces
 * it, every other column taken from the row. Each key at most once in `rows` (PostgreSQL
 * refuses to change a row twice in one statement). For copies kept from events, written
 * together at a batch's end instead of through the unit of work.
 */
export async function upsertRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly T[],
): Promise<void> {
  const columns = columnsOf(em, entity);
  const meta = em.getMetadata().get<T>(entity);
  const others = columns.props.filter((prop) => !meta.primaryKeys.includes(prop.name));
  const set = others.map((prop) => {
    const name = quoted(em, prop.fieldNames[0]!);
    return `${name} = excluded.${name}`;
  });
  const onConflict = ` on conflict (${keyColumns(em, entity)}) do update set ${set.join(', ')}`;
  await insertInto(em, { ...columns, onConflict }, rows);
}

/**
 * `insertRows` where a row's primary key may be stored already: such a row is left out and
 * the stored one kept. For facts remembered once (a correlation seen), where any row
 * with the key says the same.
 */
export async function insertNewRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly T[],
): Promise<void> {
  const onConflict = ` on conflict (${keyColumns(em, entity)}) do nothing`;
  await insertInto(em, { ...columnsOf(em, entity), onConflict }, rows);
}

/**
 * PostgreSQL only: `insertNewRows` in one statement, answering the `returning` column of the
 * rows it added (those whose key was not stored yet). For a claim that must say what it took.
 */
export async function insertNewRowsReturning<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly T[],
  returning: K,
): Promise<Pick<T, K>[]> {
  if (rows.length === 0) return [];
  const columns = columnsOf(em, entity);
  const prop = columns.props.find((candidate) => String(candidate.name) === returning)!;
  const column = quoted(em, prop.fieldNames[0]!);
  const tail = ` on conflict (${keyColumns(em, entity)}) do nothing returning ${column} as ${quoted(em, returning)}`;
  return queryBound<Pick<T, K>>(
    em,
    byColumnSql(em, columns) + tail,
    byColumnArrays(em, columns, rows),
  );
}

/**
 * Runs `sql` in `em`'s transaction with its `?` bindings bound, and answers the rows it
 * returns. On PostgreSQL they go to the driver as they are, an array as one array
 * parameter, where `em.execute` writes every value into the SQL text for the server to
 * parse and plan. SQLite's connection binds plain values itself.
 */
export async function queryBound<R>(
  em: EntityManager,
  sql: string,
  bindings: readonly unknown[],
): Promise<R[]> {
  if (!isPostgres(em))
    return em.getConnection().execute<R[]>(sql, [...bindings], 'all', em.getTransactionContext());
  const query = (em.getConnection() as AbstractSqlConnection)
    .getKnex()
    .raw(sql, bindings as Knex.RawBinding[]);
  const ctx = em.getTransactionContext<Knex.Transaction>();
  const result = (await (ctx ? query.transacting(ctx) : query)) as { rows: R[] } | R[];
  return Array.isArray(result) ? result : result.rows;
}

/** An entity's primary key columns, quoted, for a conflict target. */
function keyColumns<T extends object>(em: EntityManager, entity: EntityName<T>): string {
  const meta = em.getMetadata().get<T>(entity);
  return meta.primaryKeys.map((key) => quoted(em, meta.properties[key].fieldNames[0]!)).join(', ');
}

/** The statements for `rows`, as the database takes them best. */
async function insertInto<T>(em: EntityManager, columns: Columns<T>, rows: readonly T[]) {
  if (rows.length === 0) return;
  if (isPostgres(em)) await insertByColumn(em, columns, rows);
  else await insertByRow(em, columns, rows);
}

/** A row's value for a column, as the database stores it. */
function valueOf<T>(em: EntityManager, prop: EntityProperty<T>, row: T): unknown {
  const value = row[prop.name] ?? null;
  return value !== null && prop.customType
    ? prop.customType.convertToDatabaseValue(value, em.getPlatform(), { mode: 'query' })
    : value;
}

const quoted = (em: EntityManager, name: string) => em.getPlatform().quoteIdentifier(name);
const namesOf = <T>(em: EntityManager, { props }: Columns<T>) =>
  props.map((prop) => quoted(em, prop.fieldNames[0])).join(', ');

/** SQLite: multi-row VALUES, the values bound (the SQLite connection binds them itself). */
async function insertByRow<T>(em: EntityManager, columns: Columns<T>, rows: readonly T[]) {
  const { table, props } = columns;
  const tuple = `(${props.map(() => '?').join(', ')})`;
  const into = `insert into ${quoted(em, table)} (${namesOf(em, columns)}) values `;
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    const run = rows.slice(from, from + ROWS_PER_INSERT);
    const params = run.flatMap((row) => props.map((prop) => valueOf(em, prop, row)));
    const sql = into + run.map(() => tuple).join(', ') + (columns.onConflict ?? '');
    await em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
  }
}

/**
 * PostgreSQL: one array per column, unnested, so a statement has as many parameters as
 * the table has columns. MikroORM writes values into the SQL text, and thousands of bound
 * parameters cost PostgreSQL more to type and plan than the rows cost to store.
 */
async function insertByColumn<T>(em: EntityManager, columns: Columns<T>, rows: readonly T[]) {
  const sql = byColumnSql(em, columns) + (columns.onConflict ?? '');
  await queryBound(em, sql, byColumnArrays(em, columns, rows));
}

/** PostgreSQL's insert of one array per column, unnested, without what follows the rows. */
function byColumnSql<T>(em: EntityManager, columns: Columns<T>): string {
  const casts = columns.props.map((prop) => `?::${prop.columnTypes[0]}[]`).join(', ');
  return `insert into ${quoted(em, columns.table)} (${namesOf(em, columns)}) select * from unnest(${casts})`;
}

const byColumnArrays = <T>(em: EntityManager, { props }: Columns<T>, rows: readonly T[]) =>
  props.map((prop) => rows.map((row) => valueOf(em, prop, row)));
