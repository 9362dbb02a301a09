import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection, Transaction } from '@mikro-orm/knex';
import type { Migrator } from '@mikro-orm/migrations';

/** What {@link migrateDatabase} did. */
export interface MigrationOutcome {
  /** Migrations run now, oldest first. */
  applied: string[];
  /** Migrations recorded without running, on tables made before migrations existed. */
  adopted: string[];
}

export interface MigrateOptions {
  /** The subgraph's PostgreSQL schema; absent on SQLite. */
  schema?: string;
  /** How a database made before migrations existed is recognised and adopted. */
  adopt?: {
    /** A table every release has: present without a history, it marks such a database. */
    markerTable: string;
    /** The migrations that describe exactly the tables such a database has. */
    baseline: string[];
  };
}

/**
 * Brings a subgraph's database up to its last committed migration, all pending ones in one
 * transaction.
 * - On PostgreSQL the transaction first takes an advisory lock for the schema, so replicas
 *   starting at once migrate one after another (the later ones find nothing pending), and
 *   sets the search path to the schema: migrations name no schema, so the same files serve
 *   every schema a subgraph runs in.
 * - A database whose tables were made before migrations existed (by a schema update at
 *   start) has the tables but no history. Its baseline migrations describe exactly those
 *   tables, so they are recorded as applied without running, and the later ones run.
 */
export async function migrateDatabase(
  orm: MikroORM,
  options: MigrateOptions,
): Promise<MigrationOutcome> {
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  const { schema } = options;
  // SQLite has one connection, which the migrator needs for itself: there the adoption
  // and the migrations commit one after the other (one process owns the file).
  if (!schema) return migrateIn(orm, options);
  // The schema is made in a transaction of its own: the migrator reads the catalogue on
  // other connections, which would wait on a schema this transaction had not committed.
  await connection.transactional((trx) => lockSchema(connection, trx, schema, 'create'));
  return connection.transactional(async (trx) => {
    await lockSchema(connection, trx, schema, 'enter');
    return migrateIn(orm, options, trx);
  });
}

async function migrateIn(orm: MikroORM, options: MigrateOptions, trx?: Transaction) {
  const migrator = orm.getMigrator() as Migrator;
  const storage = migrator.getStorage();
  if (trx) storage.setMasterMigration(trx);
  try {
    await storage.ensureTable();
    const adopted = options.adopt
      ? await adoptIfMadeBefore(orm, options.adopt, options.schema, trx)
      : [];
    const applied = await migrator.up(trx ? { transaction: trx } : {});
    return { applied: applied.map((m) => m.name), adopted };
  } finally {
    storage.unsetMasterMigration();
  }
}

/** Waits for the schema's lock, then makes the schema or makes it the search path. */
async function lockSchema(
  connection: AbstractSqlConnection,
  trx: Transaction,
  schema: string,
  step: 'create' | 'enter',
) {
  const run = (sql: string, params: unknown[] = []) => connection.execute(sql, params, 'run', trx);
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  await run('select pg_advisory_xact_lock(hashtext(?))', [`migrate:${schema}`]);
  await run(
    step === 'create'
      ? `create schema if not exists ${quoted}`
      : `set local search_path to ${quoted}`,
  );
}

async function adoptIfMadeBefore(
  orm: MikroORM,
  adopt: NonNullable<MigrateOptions['adopt']>,
  schema: string | undefined,
  trx?: Transaction,
): Promise<string[]> {
  const storage = (orm.getMigrator() as Migrator).getStorage();
  if ((await storage.executed()).length > 0) return [];
  if (!(await tableExists(orm, adopt.markerTable, schema, trx))) return [];
  for (const name of adopt.baseline) await storage.logMigration({ name, context: null });
  return adopt.baseline;
}

async function tableExists(orm: MikroORM, table: string, schema?: string, trx?: Transaction) {
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  const rows = schema
    ? await connection.execute(
        'select 1 from information_schema.tables where table_schema = ? and table_name = ?',
        [schema, table],
        'all',
        trx,
      )
    : await connection.execute(
        `select 1 from sqlite_master where type = 'table' and name = ?`,
        [table],
        'all',
        trx,
      );
  return rows.length > 0;
}
