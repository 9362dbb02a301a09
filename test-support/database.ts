import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DatabaseTarget } from '../runtime';

/** A database that belongs to one test suite and is removed by `drop`. */
export interface TestDatabase {
  /** The target for a subgraph (or test) named `name` inside this database. */
  target(name: string): DatabaseTarget;
  /** DATABASE_URL for code that takes a config (undefined on SQLite). */
  url?: string;
  /** DATA_DIR for code that takes a config. */
  dataDir: string;
  drop(): Promise<void>;
}

const adminUrl = () => process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Makes a fresh database for the suite on the engine the Jest project selected
 * (TEST_DB): a temporary folder of SQLite files, or a new PostgreSQL database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-test-'));
  if (process.env.TEST_DB !== 'postgres') {
    return {
      dataDir,
      target: (name) => ({ kind: 'sqlite', file: path.join(dataDir, `${name}.sqlite`) }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const dbName = `hr_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${dbName}`;
  return {
    dataDir,
    url: url.toString(),
    target: (name) => ({ kind: 'postgres', url: url.toString(), schema: name }),
    drop: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`drop database if exists ${dbName} with (force)`);
      await client.end();
    },
  };
}
