import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { EntityName, OrderDefinition } from '@mikro-orm/core';
import type { AbstractSqlConnection, EntityManager } from '@mikro-orm/knex';
import { InboxEntry, OutboxEntry, insertRows } from '../messaging';
import { IdempotencyRecordSchema, openDatabase } from '../runtime';
import { recordsOf } from '../subgraphs/agreements/src';
import {
  AgreementSchema,
  AgreementVersionSchema,
  KnownEmployeeSchema,
  entities,
} from '../subgraphs/agreements/src/entities';
import { descendantsOf } from '../platform/src/startup/processInfo';
import { createTestDatabase } from '../test-support/database';
import { processRss } from './lib/processRss';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:import`: time and peak memory of `import:agreements` on a
 * TAMS file of ROWS agreements (100,000), beside the plain insert rate of the
 * same database for the same rows. DATABASE=postgres uses a fresh PostgreSQL
 * database on TEST_PG_URL (dropped afterwards) instead of SQLite. PROFILE_DIR
 * writes the import's CPU profile there.
 *
 * It also prints the import's floor: reading the file with no checks, and writing the
 * rows the import wrote (each agreement, its first version and its event in the outbox)
 * again, ready-made, in the import's transactions. No import can take less than the two.
 */
const ROWS = Number(process.env.ROWS ?? 100_000);
const root = path.resolve(__dirname, '..');
const HEADER =
  'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
  'weekly_hours,working_days,annual_leave_days,target_annual_target_hours,target_night_hours';

const numberOf = (i: number) => `T${String(i).padStart(7, '0')}`;

function writeFile(file: string): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${HEADER}\n`);
  for (let i = 0; i < ROWS; i++) {
    const fte = (0.5 + (i % 6) / 10).toFixed(1);
    fs.writeSync(
      out,
      `${numberOf(i)},AHA,2025-04-01,2026-03-31,${fte},MODERNISED,NATIONAL,37.5,MON|TUE|WED|THU|FRI,27,1950,200\n`,
    );
  }
  fs.closeSync(out);
}

/** The agreements database with every employee the file names already known (its local copy). */
async function prepare(target: Target): Promise<number> {
  const orm = await openDatabase({
    target,
    entities: [...entities, OutboxEntry, InboxEntry, IdempotencyRecordSchema],
  });
  const em = orm.em.fork();
  for (let from = 0; from < ROWS; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, ROWS - from) }, (_, k) => ({
      id: uuidv7(),
      employeeNumber: numberOf(from + k),
      managerId: null,
      terminated: false,
      version: 1,
      managerVersion: 1,
    }));
    await em.insertMany(KnownEmployeeSchema, rows);
  }
  const plain = await plainInsertSeconds(orm.em.getConnection() as AbstractSqlConnection);
  await orm.close();
  return plain;
}

/** The same rows as plain multi-row INSERTs, 500 per transaction, into a scratch table. */
async function plainInsertSeconds(connection: AbstractSqlConnection): Promise<number> {
  const knex = connection.getKnex();
  await knex.schema.createTable('bench_plain_agreements', (t) => {
    t.string('id').primary();
    t.string('employee_number');
    t.string('agreement_type');
    t.date('start_date');
    t.date('end_date');
    t.integer('fte');
    t.text('targets');
  });
  const started = performance.now();
  for (let from = 0; from < ROWS; from += 500) {
    const rows = Array.from({ length: Math.min(500, ROWS - from) }, (_, k) => ({
      id: uuidv7(),
      employee_number: numberOf(from + k),
      agreement_type: 'AHA',
      start_date: '2025-04-01',
      end_date: '2026-03-31',
      fte: 8000,
      targets: '[{"accrualType":"ANNUAL_TARGET_HOURS","total":1950}]',
    }));
    await knex.transaction((tx) => tx.insert(rows).into('bench_plain_agreements'));
  }
  const seconds = (performance.now() - started) / 1000;
  await knex.schema.dropTable('bench_plain_agreements');
  return seconds;
}

type Target = Parameters<typeof openDatabase>[0]['target'];

/** Seconds to read the file as the import reads it, with nothing checked or written. */
async function parseSeconds(file: string): Promise<number> {
  const started = performance.now();
  let rows = 0;
  for await (const record of recordsOf('CSV', fs.createReadStream(file, { encoding: 'utf8' })))
    if (record.column === undefined) rows += 1;
  if (rows !== ROWS) throw new Error(`read ${rows} rows, not ${ROWS}`);
  return (performance.now() - started) / 1000;
}

/** The stored rows of `entity`, as plain objects in key order, then deleted. */
async function takeRows<T extends object>(em: EntityManager, entity: EntityName<T>) {
  const rows = await em.find(entity, {}, { orderBy: { id: 'asc' } as OrderDefinition<T> });
  if (rows.length !== ROWS) throw new Error(`found ${rows.length} rows, not ${ROWS}`);
  await em.nativeDelete(entity, {});
  return { entity: entity as EntityName<object>, rows: rows.map((row) => ({ ...row }) as object) };
}

/**
 * Seconds to write the rows the import wrote again, ready-made: read back, deleted, then
 * inserted 500 agreements (with their versions and outbox rows) per transaction.
 */
async function rowsWrittenSeconds(target: Target): Promise<number> {
  const orm = await openDatabase({
    target,
    entities: [...entities, OutboxEntry, InboxEntry, IdempotencyRecordSchema],
  });
  const em = orm.em.fork() as EntityManager;
  const tables = [
    await takeRows(em, AgreementSchema),
    await takeRows(em, AgreementVersionSchema),
    await takeRows(em, OutboxEntry),
  ];
  em.clear();
  const started = performance.now();
  for (let from = 0; from < ROWS; from += 500)
    await em.fork().transactional(async (tx) => {
      for (const { entity, rows } of tables)
        await insertRows(tx, entity, rows.slice(from, from + 500));
    });
  const seconds = (performance.now() - started) / 1000;
  await orm.close();
  return seconds;
}

/** Runs the import command, sampling its peak resident memory (VmHWM) until it exits. */
function runImport(
  file: string,
  env: Record<string, string>,
): Promise<{ seconds: number; peakMiB: number; report: unknown }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // PROFILE_DIR=dir writes the import's CPU profile there.
    const profile = process.env.PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.PROFILE_DIR)}`]
      : [];
    const child = spawn(
      process.execPath,
      [...profile, '--import', 'tsx', path.join(root, 'bin/import-agreements.ts'), file],
      {
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let peakBytes = 0;
    const sample = setInterval(() => {
      for (const pid of [child.pid!, ...descendantsOf(child.pid!)]) {
        peakBytes = Math.max(peakBytes, processRss(pid, 'VmHWM'));
      }
    }, 100);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) return reject(new Error(`import exited with ${code}`));
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakMiB: Math.round(peakBytes / 1024 / 1024),
        report: JSON.parse(stdout),
      });
    });
  });
}

async function main(): Promise<void> {
  if (process.env.DATABASE === 'postgres') process.env.TEST_DB = 'postgres';
  const db = await createTestDatabase();
  try {
    const file = path.join(db.dataDir, 'tams.csv');
    writeFile(file);
    const plainSeconds = await prepare(db.target('agreements'));
    const run = await runImport(file, {
      DATA_DIR: db.dataDir,
      ...(db.url && { DATABASE_URL: db.url }),
    });
    const report = run.report as Record<string, number>;
    const floor = {
      parse: await parseSeconds(file),
      rows: await rowsWrittenSeconds(db.target('agreements')),
    };
    console.log(
      JSON.stringify(
        {
          database: db.url ? 'postgresql' : 'sqlite',
          rows: ROWS,
          fileMiB: Number((fs.statSync(file).size / 2 ** 20).toFixed(1)),
          importSeconds: Number(run.seconds.toFixed(1)),
          importRowsPerSecond: Math.round(ROWS / run.seconds),
          importPeakRssMiB: run.peakMiB,
          created: report.created,
          rejected: report.rejected,
          plainInsertSeconds: Number(plainSeconds.toFixed(1)),
          plainInsertRowsPerSecond: Math.round(ROWS / plainSeconds),
          floorParseSeconds: Number(floor.parse.toFixed(2)),
          floorRowsWrittenSeconds: Number(floor.rows.toFixed(2)),
          floorRowsPerSecond: Math.round(ROWS / (floor.parse + floor.rows)),
        },
        null,
        2,
      ),
    );
  } finally {
    await db.drop();
  }
}

runBench(main);
