import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../messaging/testing';

const run = promisify(execFile);

/** A PostgreSQL cluster of its own, so restarting it disturbs no one else's tests. */
export interface PrivatePostgres {
  /** DATABASE_URL of its `hr` database. */
  readonly url: string;
  readonly port: number;
  /** Stops the server at once, as a crash would (`pg_ctl stop -m immediate`). */
  crash(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its files. */
  remove(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => +b - +a) : [];
  const found = versions.find((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')));
  if (!found) throw new Error(`No PostgreSQL binaries under ${root}/*/bin.`);
  return path.join(root, found, 'bin');
}

/** initdb refuses root: as root, the cluster belongs to the `postgres` user. */
const asRoot = process.getuid?.() === 0;

function pgCommand(bin: string, args: string[]): Promise<unknown> {
  return asRoot ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

/**
 * Makes a cluster in a temporary folder (trust authentication, user `postgres`), starts it
 * on a free port with room for the connections of every served part and creates `hr`.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-chaos-pg-'));
  if (asRoot) await run('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  await pgCommand(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
  ]);
  const options = `-p ${port} -k ${dir} -h 127.0.0.1 -c max_connections=600 -c fsync=off`;
  const pgCtl = (...args: string[]) =>
    pgCommand(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), ...args]);
  const start = () => pgCtl('-o', options, '-w', 'start').then(() => undefined);
  await start();
  await run(path.join(bin, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    'hr',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/hr`,
    port,
    crash: () => pgCtl('-m', 'immediate', '-w', 'stop').then(() => undefined),
    start,
    async remove() {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
