import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeNats, connectNats, type NatsClients, startNatsServer } from '../../messaging';
import { createTestDatabase } from '../../test-support/database';
import { databaseKnob } from './databaseKnob';
import { startPlatformProcess, type PlatformProcess } from './startPlatformProcess';

export interface IsolatedPlatform {
  platform: PlatformProcess;
  /** A connection of the benchmark's own to the platform's NATS. */
  nats: NatsClients;
  /** The nats-server's process id, to read its CPU time. */
  natsPid: number;
  /** 'SQLite' or 'PostgreSQL', for the report. */
  database: string;
  stop(): Promise<void>;
}

/**
 * The all-in-one platform in its own process, on a nats-server of its own (a fresh store, so
 * its streams hold this run's events alone) and a fresh database from the DATABASE knob
 * (SQLite by default; postgres: a new database on TEST_PG_URL), all removed by `stop`.
 */
export async function startIsolatedPlatform(name: string): Promise<IsolatedPlatform> {
  const database = databaseKnob('sqlite');
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-bench-nats-'));
  const server = await startNatsServer({ storeDir });
  const db = await createTestDatabase();
  const dropAll = async () => {
    await server.stop();
    await db.drop();
    fs.rmSync(storeDir, { recursive: true, force: true });
  };
  const platform = await startPlatformProcess({
    NATS_URL: server.url,
    ...(db.url && { DATABASE_URL: db.url }),
  }).catch(async (error: unknown) => {
    // A platform that did not start leaves no NATS server, store or database behind.
    await dropAll();
    throw error;
  });
  const nats = await connectNats({ servers: server.url, name });
  return {
    platform,
    nats,
    natsPid: server.pid,
    database: database === 'postgres' ? 'PostgreSQL' : 'SQLite',
    async stop() {
      await closeNats(nats.nc);
      await platform.stop();
      await dropAll();
    },
  };
}
