import fs from 'node:fs';
import path from 'node:path';
import { MikroORM, type EntityManager, type EntitySchema, type Options } from '@mikro-orm/core';
import { SqliteDriver } from './sqliteDriver';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { isPostgres } from '../../messaging';
import { cacheStatements, type PreparingDatabase } from './cacheStatements';

/** Where a subgraph keeps its tables: its own SQLite file, or its own PostgreSQL schema. */
export type DatabaseTarget =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema: string };

export interface DatabaseOptions {
  target: DatabaseTarget;
  // EntitySchema's generics differ per entity; the ORM accepts any of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[];
  /** Connection pool size on PostgreSQL (default 10). */
  poolSize?: number;
  debug?: boolean;
}

/** The database a subgraph uses under a config: one schema per subgraph, or one file per subgraph. */
export function targetFor(
  subgraph: string,
  config: { DATABASE_URL?: string; DATA_DIR: string },
): DatabaseTarget {
  if (config.DATABASE_URL) return { kind: 'postgres', url: config.DATABASE_URL, schema: subgraph };
  return { kind: 'sqlite', file: path.join(config.DATA_DIR, `${subgraph}.sqlite`) };
}

/** An entity's table as raw SQL must name it (schema-qualified on PostgreSQL). */
export function sqlTable(em: EntityManager, entity: string): string {
  const schema = em.config.get('schema');
  const name = em.getMetadata().get(entity).tableName;
  return schema ? `"${schema}"."${name}"` : `"${name}"`;
}

export { isPostgres };

function ormOptions(options: DatabaseOptions): Options {
  const common = {
    entities: options.entities,
    debug: options.debug ?? false,
    allowGlobalContext: false,
    // Entities are declared with EntitySchema, so no reflection or discovery is needed.
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
  };
  const { target } = options;
  if (target.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return {
      ...common,
      driver: SqliteDriver,
      dbName: target.file,
      pool: { afterCreate: withStatementCache },
    };
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: target.url,
    schema: target.schema,
    pool: { min: 0, max: options.poolSize ?? 10 },
  };
}

/** Knex's hook for a new SQLite connection. */
function withStatementCache<D extends PreparingDatabase>(
  db: D,
  done: (error: Error | null, db: D) => void,
) {
  cacheStatements(db);
  done(null, db);
}

/**
 * Opens the subgraph's database and brings its schema up to date. The update is
 * additive (`safe`): tables and columns are created, never dropped, so a
 * restart on a newer version keeps every row.
 */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(options));
  const { target } = options;
  if (target.kind === 'postgres') {
    await orm.em.getConnection().execute(`create schema if not exists "${target.schema}"`);
  } else {
    // WAL lets readers run while a writer commits; busy_timeout waits instead of failing.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    await orm.em.getConnection().execute('pragma busy_timeout = 5000');
  }
  await orm.schema.updateSchema({
    safe: true,
    schema: target.kind === 'postgres' ? target.schema : undefined,
  });
  return orm;
}
