import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningNatsServer, startNatsServer } from '../../messaging';
import { freePort } from '../../messaging/testing';
import { secondProcessesOf } from '../../platform/src/startup/processInfo';
import { createLocalIssuer } from '../../runtime';
import { waitFor } from '../waitFor';
import { LOAD_ENV, type ChaosPlatform } from './chaosPlatform';
import { startPrivatePostgres } from './privatePostgres';

const root = path.resolve(__dirname, '../..');

/** The subgraphs the platform runs in its second process here. */
export const SECOND_PROCESS_SUBGRAPHS = ['accruals', 'billing', 'audit'];

const gone = (pid: number) =>
  waitFor(async () => (fs.existsSync(`/proc/${pid}`) ? undefined : true), 60_000);

/**
 * The all-in-one platform (`bin/start.ts`) as a ChaosPlatform, on a PostgreSQL and a
 * nats-server of its own, with SECOND_PROCESS_SUBGRAPHS in its second process. Killing one of
 * those kills that whole process; restarting one waits for the platform to have started it
 * again and to be ready. Other subgraphs cannot be killed apart, and there are no replicas.
 */
export async function startAllInOneChaosPlatform(): Promise<ChaosPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-chaos-aio-'));
  const pg = await startPrivatePostgres();
  const natsStore = path.join(dataDir, 'nats');
  let nats: RunningNatsServer | undefined = await startNatsServer({ storeDir: natsStore });
  const natsPort = nats.port;
  // Made before the platform starts, which then signs with the same key.
  const issuer = createLocalIssuer({ dataDir, issuer: 'hr-platform', audience: 'hr-platform' });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const platform: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bin/start.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        ...LOAD_ENV,
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        DATA_DIR: dataDir,
        PORT: String(port),
        NATS_URL: nats.url,
        DATABASE_URL: pg.url,
        ALL_IN_ONE_CHILD_SUBGRAPHS: SECOND_PROCESS_SUBGRAPHS.join(','),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const ready = () =>
    waitFor(async () => {
      if (platform.exitCode !== null) throw new Error(`the platform exited: ${platform.exitCode}`);
      const ok = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      return ok || undefined;
    }, 600_000);
  const second = (name: string) => {
    if (!SECOND_PROCESS_SUBGRAPHS.includes(name))
      throw new Error(`${name} runs in the first process: it cannot be killed apart.`);
    return secondProcessesOf(dataDir)[0];
  };
  let killed: number | undefined;

  async function stop() {
    if (platform.exitCode === null) {
      const exited = new Promise((resolve) => platform.once('exit', resolve));
      platform.kill('SIGTERM');
      await exited;
    }
    await nats?.stop();
    await pg.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  await ready().catch(async (error: unknown) => {
    platform.kill('SIGKILL');
    await stop();
    throw error;
  });
  return {
    pg,
    natsUrl: nats.url,
    issuer,
    gatewayUrls: () => [base],
    async kill(name) {
      killed = second(name);
      if (killed === undefined) throw new Error('no second process runs');
      process.kill(killed, 'SIGKILL');
      await gone(killed);
    },
    async restart(name) {
      await waitFor(async () => {
        const pid = second(name);
        return pid !== undefined && pid !== killed ? pid : undefined;
      }, 120_000);
      await ready();
    },
    async exited(name) {
      const pid = second(name);
      if (pid !== undefined) await gone(pid);
    },
    async stopNats() {
      await nats?.stop();
      nats = undefined;
    },
    async startNats() {
      nats = await startNatsServer({ storeDir: natsStore, port: natsPort });
    },
    addReplicaSet: () => Promise.reject(new Error('all-in-one has no replica sets')),
    stop,
  };
}
