import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../messaging/testing';
import { configuredIssuer, loadConfig, type Role } from '../../runtime';

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'bin/start.ts');

export interface PlatformProcess {
  url: string;
  /** The id of the process the platform runs in, e.g. to read its CPU time. */
  pid: number;
  dataDir: string;
  /** A token the platform accepts, signed here with its key (as `npm run token` would). */
  token(role: Role, sub?: string): Promise<string>;
  /** The text of the platform's `/metrics` (read with its token, as in production). */
  scrape(): Promise<string>;
  metric(name: string): Promise<number>;
  stop(): Promise<void>;
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the platform exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the platform did not become ready');
}

/**
 * Runs `npm start`'s entry point as its own process on a fresh DATA_DIR, so the
 * load generator does not share the platform's event loop.
 */
export async function startPlatformProcess(
  env: Record<string, string> = {},
): Promise<PlatformProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-bench-'));
  const port = await freePort();
  const metricsToken = crypto.randomBytes(16).toString('hex');
  const fullEnv = {
    ...process.env,
    NODE_ENV: 'production',
    // As `npm start` sets it.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    // PLATFORM_LOG_LEVEL=info adds the access log: each request's time inside the platform.
    LOG_LEVEL: process.env.PLATFORM_LOG_LEVEL ?? 'warn',
    DATA_DIR: dataDir,
    PORT: String(port),
    METRICS_TOKEN: metricsToken,
    // A load generator is one address and a few tokens, far busier than any person:
    // the limits are counted as ever, but set beyond what a run sends.
    RATE_LIMIT_REQUESTS: '1000000000',
    RATE_LIMIT_COST: '1000000000000',
    RATE_LIMIT_ADDRESS_REQUESTS: '1000000000',
    RATE_LIMIT_ADDRESS_COST: '1000000000000',
    WS_MAX_SOCKETS_PER_ADDRESS: '1000000',
    WS_MAX_UNINITIALISED_PER_ADDRESS: '1000000',
    WS_MAX_UNINITIALISED: '1000000',
    ...env,
  };
  const scrape = async () =>
    (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    ).text();
  // PROFILE_DIR=dir writes the platform's CPU profile there when it stops.
  const profile = process.env.PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.PROFILE_DIR)}`]
    : [];
  // Node with tsx's loader rather than the tsx command, which would run the platform in a
  // child of its own: so the process started here is the platform itself.
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], {
    cwd: root,
    env: fullEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(base, child);
  } catch (error) {
    // A platform that did not start leaves no process nor data directory behind.
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const issuer = configuredIssuer(loadConfig(fullEnv));
  return {
    url: `${base}/graphql`,
    pid: child.pid!,
    dataDir,
    // Signed in this process: a child per token took most of a second, a minute for a
    // benchmark of a hundred people.
    token: (role, sub) => issuer.issue({ role, sub }),
    scrape,
    async metric(name) {
      const text = await scrape();
      return text
        .split('\n')
        .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    },
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
