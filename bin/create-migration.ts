/**
 * Writes the migrations that bring each subgraph's committed migrations level with its
 * entities, for SQLite and for PostgreSQL (docs/migrations.md):
 *
 *   npm run migration:create -- <name> [--subgraph <name>]
 *
 * For every subgraph and engine it applies the committed migrations to a scratch database,
 * compares the result with the entities, and writes the difference as a new migration in
 * `subgraphs/<name>/src/migrations/<engine>/` (nothing when they agree). The scratch
 * PostgreSQL database is made beside MIGRATION_PG_URL (default: the local `test` database)
 * and dropped afterwards. Review each file before committing it: a generated migration may
 * drop what a rename should keep.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import {
  ConfigError,
  KIT_MIGRATIONS,
  migrationOptions,
  SqliteDriver,
  subgraphEntities,
  type MigrationSet,
  withKitMigrations,
} from '../runtime';
import { subgraphs } from '../subgraphs';
import { subgraphNamed } from './lib/commandLine';

type Engine = keyof MigrationSet;

/** What gets migrations: the kit's tables that every subgraph has, and each subgraph's own. */
interface Target {
  name: string;
  folder: string;
  entities: ReturnType<typeof subgraphEntities>;
  /** Migrations applied before the comparison (the kit's come first in every subgraph). */
  committed: MigrationSet;
}

const adminUrl = () => process.env.MIGRATION_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function argsOf(argv: string[]): { name: string; only?: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { subgraph: { type: 'string' } },
    allowPositionals: true,
  });
  const name = positionals[0] ?? '';
  if (!/^[a-z][A-Za-z0-9]{0,60}$/.test(name))
    throw new ConfigError('Name the migration in camelCase, e.g. `addLeaveReason`.');
  if (values.subgraph) subgraphNamed(values.subgraph, subgraphs);
  return { name, ...(values.subgraph ? { only: values.subgraph } : {}) };
}

/** A scratch database per engine, made empty for each subgraph. */
async function scratchOptions(
  engine: Engine,
  subgraph: string,
): Promise<Options & { drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-migrate-'));
    return {
      driver: SqliteDriver,
      dbName: path.join(dir, `${subgraph}.sqlite`),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const dbName = `hr_migrate_${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${dbName}`);
  const url = new URL(adminUrl());
  url.pathname = `/${dbName}`;
  return {
    driver: PostgreSqlDriver,
    clientUrl: url.toString(),
    drop: () => adminQuery(`drop database if exists ${dbName} with (force)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const kitTarget: Target = {
  name: 'kit',
  folder: path.join(__dirname, '..', 'runtime', 'src', 'migrations', 'kitTables'),
  entities: subgraphEntities({ entities: [] }),
  committed: KIT_MIGRATIONS,
};

const subgraphTarget = (module: (typeof subgraphs)[number]): Target => ({
  name: module.name,
  folder: path.join(__dirname, '..', 'subgraphs', module.name, 'src', 'migrations'),
  entities: subgraphEntities(module),
  committed: withKitMigrations(module.migrations),
});

/** Applies the committed migrations to a scratch database and writes what the entities add. */
async function createFor(target: Target, engine: Engine, name: string, stamp: string) {
  const folder = path.join(target.folder, engine);
  fs.mkdirSync(folder, { recursive: true });
  const { drop, ...scratch } = await scratchOptions(engine, target.name);
  try {
    return await writeDifference(scratch, target, engine, { name, stamp, folder });
  } finally {
    await drop();
  }
}

async function writeDifference(
  scratch: Options,
  target: Target,
  engine: Engine,
  file: { name: string; stamp: string; folder: string },
): Promise<string> {
  const committed = target.committed[engine];
  const base = migrationOptions(committed, file.folder);
  const orm = await MikroORM.init({
    ...scratch,
    ...base,
    migrations: {
      ...base.migrations,
      fileName: (_time, label) => `Migration${file.stamp}_${label ?? file.name}`,
    },
    entities: target.entities,
    forceUtcTimezone: true,
    allowGlobalContext: false,
  });
  try {
    const migrator = orm.getMigrator() as Migrator;
    await migrator.up();
    const made = await migrator.createMigration(
      file.folder,
      false,
      committed.length === 0,
      file.name,
    );
    if (!made.fileName) return '';
    nameClassAfterFile(path.join(file.folder, made.fileName));
    writeIndex(file.folder, engine);
    return made.fileName;
  } finally {
    await orm.close();
  }
}

/** The history records a migration by its class name, which must be its file's. */
function nameClassAfterFile(file: string): void {
  const name = path.basename(file, '.ts');
  const code = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, code.replace(/export class \w+ extends/, `export class ${name} extends`));
}

/** The engine folder's index: every migration file in it, oldest first. */
function writeIndex(folder: string, engine: Engine): void {
  const names = fs
    .readdirSync(folder)
    .filter((file) => /^Migration\d{14}_\w+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const lines = [
    '// Written by `npm run migration:create`: the migrations of this folder, oldest first.',
    ...names.map((n) => `import { ${n} } from './${n}';`),
    '',
    `export const ${engine} = [${names.join(', ')}];`,
    '',
  ];
  fs.writeFileSync(path.join(folder, 'index.ts'), lines.join('\n'));
}

async function createAll(targets: Target[], name: string, stamp: string): Promise<number> {
  let written = 0;
  for (const target of targets) {
    for (const engine of ['sqlite', 'postgresql'] as const) {
      const file = await createFor(target, engine, name, stamp);
      console.log(`${target.name} ${engine}: ${file || 'entities and migrations agree'}`);
      if (file) written += 1;
    }
  }
  return written;
}

async function main(): Promise<void> {
  const { name, only } = argsOf(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  // Subgraphs compare against the kit's committed tables, so a new kit migration comes first.
  if (!only && (await createAll([kitTarget], name, stamp)) > 0) {
    console.log('The kit has a new migration: run the command again for the subgraphs.');
    return;
  }
  const modules = subgraphs.filter((s) => !only || s.name === only);
  await createAll(modules.map(subgraphTarget), name, stamp);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
