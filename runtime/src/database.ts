import fs from 'node:fs';
import path from 'node:path';
import { MikroORM, type EntityManager, type EntitySchema, type Options } from '@mikro-orm/core';
import { SqliteDriver } from './sqliteDriver';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { isPostgres } from '../../messaging';
import { cacheStatements, type PreparingDatabase } from './cacheStatements';
import {
  migrateDatabase,
  type MigrateOptions,
  type MigrationOutcome,
} from './migrations/migrateDatabase';
import { migrationOptions } from './migrations/migrationOptions';
import type { MigrationSet } from './migrations/MigrationSet';

/** Where a subgraph keeps its tables: its own SQLite file, or its own PostgreSQL schema. */
export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema: string; poolSize?: number };

export interface DatabaseOptions {
  target: DatabaseTarget;
  // EntitySchema's generics differ per entity; the ORM accepts any of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[];
  /**
   * The committed migrations that make the tables. Without them (tests' own entities, tools
   * over a copy) the schema is updated from the entities instead.
   */
  migrations?: MigrationSet;
  /** With `migrations`: how a database made before migrations is recognised and adopted. */
  adopt?: MigrateOptions['adopt'];
  /** With `migrations`: told what the migration did (applied, adopted). */
  onMigrated?: (outcome: MigrationOutcome) => void;
  /** Connection pool size on PostgreSQL (default: the target's, else 10). */
  poolSize?: number;
  debug?: boolean;
}

/** The database a subgraph uses under a config: one schema per subgraph, or one file per subgraph. */
export function targetFor(
  subgraph: string,
  config: { DATABASE_URL?: string; DATABASE_POOL_SIZE?: number; DATA_DIR: string },
): DatabaseTarget {
  const { DATABASE_URL: url, DATABASE_POOL_SIZE: poolSize } = config;
  if (url) return { kind: 'postgres', url, schema: subgraph, ...(poolSize ? { poolSize } : {}) };
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
  const migrations = options.migrations
    ? migrationOptions(options.migrations[target.kind === 'sqlite' ? 'sqlite' : 'postgresql'])
    : {};
  if (target.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return {
      ...common,
      ...migrations,
      driver: SqliteDriver,
      dbName: target.file,
      pool: { afterCreate: withStatementCache },
    };
  }
  return {
    ...common,
    ...migrations,
    driver: PostgreSqlDriver,
    clientUrl: target.url,
    schema: target.schema,
    pool: { min: 0, max: options.poolSize ?? target.poolSize ?? 10 },
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
 * Opens the subgraph's database and brings its schema up to date: by its committed
 * migrations when it has them (docs/migrations.md), otherwise by an additive update from the
 * entities (`safe`: tables and columns are created, never dropped).
 */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(options));
  const { target } = options;
  if (target.kind === 'postgres') {
    // With migrations the schema is made under their lock: two replicas making it at once
    // would collide even with `if not exists`.
    if (!options.migrations)
      await orm.em.getConnection().execute(`create schema if not exists "${target.schema}"`);
  } else {
    // WAL lets readers run while a writer commits; busy_timeout waits instead of failing.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    await orm.em.getConnection().execute('pragma busy_timeout = 5000');
  }
  const schema = target.kind === 'postgres' ? target.schema : undefined;
  if (options.migrations) {
    const outcome = await migrateDatabase(orm, {
      ...(schema ? { schema } : {}),
      ...(options.adopt ? { adopt: options.adopt } : {}),
    });
    options.onMigrated?.(outcome);
  } else {
    await orm.schema.updateSchema({ safe: true, schema });
  }
  return orm;
}
