import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { Client } from 'pg';
import { openSubgraphDatabase, SqliteDriver } from '../../runtime';
import { subgraphs } from '../../subgraphs';
import { migrateSubgraphs } from '../src/startup/migrateSubgraphs';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { createTestPlatform } from '../../test-support/createTestPlatform';
import { onPostgres } from '../../test-support/onPostgres';

/*
 * The last release before migrations made its tables by a schema update at start. The
 * fixture is that release's databases after `npm run seed -- --size 12` (a dozen people with
 * a month of time, attendance, leave, training and billing), dumped from each engine.
 * Upgrading must migrate them without losing or changing a row.
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'releaseBeforeMigrations');
const HISTORY = 'mikro_orm_migrations';

interface SqliteDb {
  exec(sql: string): void;
  prepare(sql: string): { all(): Record<string, unknown>[]; run(): unknown };
  close(): void;
}
type SqliteDbClass = new (file: string) => SqliteDb;

/** better-sqlite3 as the ORM's knex loads it (no type package is installed). */
async function sqliteClass(db: TestDatabase): Promise<SqliteDbClass> {
  const target = db.target('probe');
  const orm = await MikroORM.init({
    driver: SqliteDriver,
    dbName: target.kind === 'sqlite' ? target.file : '',
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  const knex = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
  const driver = (knex.client as { driver: SqliteDbClass }).driver;
  await orm.close();
  return driver;
}

const gunzip = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');

async function loadRelease(db: TestDatabase): Promise<void> {
  if (onPostgres) {
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url!], {
      input: gunzip(path.join(FIXTURE, 'postgresql.sql.gz')),
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    return;
  }
  const Database = await sqliteClass(db);
  for (const { name } of subgraphs) {
    const target = db.target(name);
    const file = new Database(target.kind === 'sqlite' ? target.file : '');
    file.exec(gunzip(path.join(FIXTURE, 'sqlite', `${name}.sql.gz`)));
    file.close();
  }
}

/** Every table of every subgraph, with its row count and a digest of all its rows. */
async function tableContents(db: TestDatabase): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  const record = (table: string, rows: string[]) => {
    const digest = crypto.createHash('sha256').update(rows.sort().join('\n')).digest('hex');
    contents[table] = `${rows.length} rows, ${digest.slice(0, 16)}`;
  };
  if (onPostgres) {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const tables = await client.query<{ s: string; t: string }>(
      `select table_schema as s, table_name as t from information_schema.tables
       where table_schema = any($1) and table_name <> $2`,
      [subgraphs.map((s) => s.name), HISTORY],
    );
    for (const { s, t } of tables.rows) {
      const rows = await client.query<{ r: string }>(`select x::text as r from "${s}"."${t}" x`);
      record(
        `${s}.${t}`,
        rows.rows.map((row) => row.r),
      );
    }
    await client.end();
    return contents;
  }
  const Database = await sqliteClass(db);
  for (const { name } of subgraphs) {
    const target = db.target(name);
    const file = new Database(target.kind === 'sqlite' ? target.file : '');
    const tables = file
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '${HISTORY}'`,
      )
      .all();
    for (const { name: table } of tables) {
      const rows = file.prepare(`select * from "${String(table)}"`).all();
      record(
        `${name}.${String(table)}`,
        rows.map((row) => JSON.stringify(row)),
      );
    }
    file.close();
  }
  return contents;
}

/** The migrations written after that release, which an upgrade runs. */
const LATER_MIGRATIONS: Record<string, string[]> = {
  billing: ['Migration20261204200000_ledgerGuards'],
  time: ['Migration20261207022541_overlapIndexes'],
  attendance: ['Migration20261207022544_overlapIndexes'],
};

describe('upgrading a database from the release before migrations', () => {
  let db: TestDatabase;
  let before: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadRelease(db);
    before = await tableContents(db);
  }, 120_000);
  afterAll(() => db?.drop());

  it('has the seeded organisation to upgrade', () => {
    expect(before['employees.employees']).toMatch(/^12 rows/);
    expect(before['billing.billing_postings']).not.toMatch(/^0 rows/);
    expect(Object.keys(before)).toHaveLength(104); // the tables of all eleven subgraphs
  });

  it('adopts the tables it finds, runs only what is new, and keeps every row as it was', async () => {
    const done = await migrateSubgraphs(subgraphs, db.target);
    for (const outcome of done) {
      expect(outcome.adopted).toEqual([
        'Migration20261204194214_kitTables',
        'Migration20261204194251_initial',
      ]);
      expect(outcome.applied).toEqual(LATER_MIGRATIONS[outcome.subgraph] ?? []);
    }
    expect(await tableContents(db)).toEqual(before);
  });

  it('leaves each schema as its entities describe it', async () => {
    for (const module of subgraphs) {
      const orm = await openSubgraphDatabase(module, db.target(module.name));
      const target = db.target(module.name);
      const schema = target.kind === 'postgres' ? target.schema : undefined;
      const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false, schema });
      await orm.close();
      expect({ subgraph: module.name, sql: sql.trim() }).toEqual({
        subgraph: module.name,
        sql: '',
      });
    }
  });

  it('keeps the ledger append-only after the upgrade', async () => {
    const orm = await openSubgraphDatabase(
      subgraphs.find((s) => s.name === 'billing')!,
      db.target('billing'),
    );
    const table = onPostgres ? '"billing".billing_postings' : 'billing_postings';
    // The message, not `rejects.toThrow`: better-sqlite3's native part builds its errors with
    // the class of the first test file that loaded it, which is no Error in a later file.
    const refusal = await orm.em
      .getConnection()
      .execute(`update ${table} set amount_minor = amount_minor + 1`)
      .then(
        () => 'no refusal',
        (error: unknown) => String((error as { message?: unknown }).message),
      );
    expect(refusal).toMatch(/append-only/);
    await orm.close();
  });

  it('serves what the release stored, salaries decrypted with its key', async () => {
    const key = fs
      .readFileSync(path.join(FIXTURE, `${onPostgres ? 'postgresql' : 'sqlite'}.data.key`), 'utf8')
      .trim();
    const platform = await createTestPlatform({
      database: { ...db, drop: async () => undefined },
      env: { DATA_ENCRYPTION_KEY: key },
    });
    try {
      const answer = (await platform.graphql(
        '{ employees(first: 50) { totalCount nodes { lastName salary { amountMinor currency } } } }',
        {},
        { role: 'HR', sub: crypto.randomUUID() },
      )) as {
        data: {
          employees: { totalCount: number; nodes: { salary: { amountMinor: number } | null }[] };
        };
      };
      expect(answer).toMatchObject({ data: { employees: { totalCount: 12 } } });
      const salaries = answer.data.employees.nodes.filter((n) => n.salary !== null);
      expect(salaries.length).toBeGreaterThan(0);
      for (const { salary } of salaries) expect(salary!.amountMinor).toBeGreaterThan(0);
    } finally {
      await platform.stop();
    }
  }, 120_000);
});
