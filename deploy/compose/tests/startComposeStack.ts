import { execFile, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../messaging/testing';
import { createLocalIssuer, keyPaths } from '../../../runtime';
import type { ChaosPlatform } from '../../../test-support/chaos/chaosPlatform';
import { waitFor } from '../../../test-support/waitFor';

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, '../../..');

/** The app image every part runs, built from the repository's Dockerfile. */
export const APP_IMAGE = 'hr-platform';

/** A stack that starts slowly on a busy machine still starts: waits are for health. */
const HEALTH_TIMEOUT_MS = 600_000;

/** The compose command here: the `docker compose` plugin, else `docker-compose`. */
function composeCommand(): string[] {
  const plugin = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' });
  return plugin.status === 0 ? ['docker', 'compose'] : ['docker-compose'];
}

/** Fails with what to do when no Docker engine answers. */
export function requireDockerEngine(): void {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
  });
  if (info.status !== 0)
    throw new Error(
      `No Docker engine answers (docker info: ${(info.stderr || info.error?.message || '').trim()}). ` +
        'Start one (dockerd in the background) and run again; docs/compose.md.',
    );
}

/** Runs `command` in the repository, its output kept for an error that says why. */
async function sh(command: string[], env: NodeJS.ProcessEnv = process.env, timeout = 1_800_000) {
  const [file, ...args] = command;
  try {
    return (await run(file, args, { cwd: ROOT, env, timeout, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command.join(' ')} failed:\n${`${stdout}\n${stderr}`.slice(-4000)}`, {
      cause: error,
    });
  }
}

/** Builds the Debian base images (kept when present) and the app image on them. */
export async function buildImages(log: (line: string) => void): Promise<void> {
  log(await sh(['bash', 'deploy/images/build-base-images.sh']));
  await sh([
    'docker',
    'build',
    '--build-arg',
    'NODE_IMAGE=hr-base/node-build:22-trixie',
    '--build-arg',
    'RUN_IMAGE=hr-base/node:22-trixie',
    '-t',
    APP_IMAGE,
    '.',
  ]);
}

export interface ComposeStack extends ChaosPlatform {
  /** Runs a compose command on the stack (`run --rm seed …`, `ps`) and gives its output. */
  compose(...args: string[]): Promise<string>;
  /** How long `up` took until every part was healthy. */
  readonly startedInMs: number;
}

/**
 * Starts docker-compose.yml on the local base images under a project of its own, with fresh
 * secrets, and waits until the gateway is healthy (it waits on every subgraph). Its
 * PostgreSQL and first NATS node are published on loopback for the test to count effects.
 */
/**
 * A started stack, started once more from scratch when the first start fails. A new
 * three-node JetStream cluster here sometimes never elects its meta leader (nats-server
 * 2.10.27 logs "JetStream cluster no metadata leader" for minutes while its routes churn as
 * duplicates): a fault of the servers' first formation, not of what the suite checks. The
 * first failure's logs are printed, so a start that fails twice shows both.
 */
export async function startComposeStack(): Promise<ComposeStack> {
  try {
    return await startComposeStackOnce();
  } catch (error) {
    const reason = String((error as Error).message).split('\n')[0];
    log(`compose: the stack did not start (${reason}); starting a new one`);
    return startComposeStackOnce();
  }
}

async function startComposeStackOnce(): Promise<ComposeStack> {
  const project = `hrstack${crypto.randomBytes(3).toString('hex')}`;
  const secrets = {
    POSTGRES_PASSWORD: crypto.randomBytes(12).toString('hex'),
    // NATS reads it as a value of its configuration: a leading digit would make it a number.
    NATS_PASSWORD: `nats${crypto.randomBytes(12).toString('hex')}`,
    DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
  };
  const ports = {
    GATEWAY_PORT: await freePort(),
    HR_TEST_POSTGRES_PORT: await freePort(),
    HR_TEST_NATS_PORT: await freePort(),
  };
  const env = { ...process.env, ...secrets, ...mapValues(ports, String) };
  const files = [
    'docker-compose.yml',
    'deploy/compose/local-images.yml',
    'deploy/compose/test.yml',
  ];
  const base = [...composeCommand(), '-p', project, ...files.flatMap((f) => ['-f', f])];
  const compose = (...args: string[]) => sh([...base, ...args], env);
  const containerOf = async (service: string) => (await compose('ps', '-q', service)).trim();
  const health = async (service: string) => {
    const id = await containerOf(service);
    if (!id) return 'absent';
    return (await sh(['docker', 'inspect', '-f', '{{.State.Health.Status}}', id])).trim();
  };
  const healthy = (service: string) =>
    waitFor(
      async () => ((await health(service).catch(() => '')) === 'healthy' ? true : undefined),
      HEALTH_TIMEOUT_MS,
      // Each look is a docker command: often enough, and not a load of its own.
      2000,
    );
  const running = async (service: string) =>
    (
      await sh(['docker', 'inspect', '-f', '{{.State.Running}}', await containerOf(service)])
    ).trim();
  const issuerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-compose-issuer-'));
  const down = async () => {
    await compose('down', '-v', '--remove-orphans', '-t', '5');
    fs.rmSync(issuerDir, { recursive: true, force: true });
  };

  const started = Date.now();
  try {
    await compose('up', '-d');
    await healthy('gateway');
    await copyIssuerKey(project, issuerDir);
  } catch (error) {
    log(await compose('logs', '--tail', '40').catch(() => ''));
    await down().catch(() => undefined);
    throw error;
  }
  const startedInMs = Date.now() - started;

  const stopped = async (service: string) => {
    await waitFor(async () => ((await running(service)) === 'false' ? true : undefined));
  };
  const kill = async (service: string) => {
    await compose('kill', '-s', 'SIGKILL', service);
    await stopped(service);
  };
  const start = async (service: string) => {
    await compose('start', service);
    await healthy(service);
  };

  return {
    compose,
    startedInMs,
    pg: {
      url: `postgres://hr:${secrets.POSTGRES_PASSWORD}@127.0.0.1:${ports.HR_TEST_POSTGRES_PORT}/hr`,
      crash: () => kill('postgres'),
      start: () => start('postgres'),
    },
    natsUrl: `nats://hr:${secrets.NATS_PASSWORD}@127.0.0.1:${ports.HR_TEST_NATS_PORT}`,
    issuer: createLocalIssuer({
      dataDir: issuerDir,
      issuer: 'hr-platform',
      audience: 'hr-platform',
    }),
    gatewayUrls: () => [`http://127.0.0.1:${ports.GATEWAY_PORT}`],
    kill: (name) => kill(name),
    restart: (name) => start(name),
    exited: (name) => stopped(name),
    async stopNats() {
      for (const node of ['nats1', 'nats2', 'nats3']) await kill(node);
    },
    async startNats() {
      for (const node of ['nats1', 'nats2', 'nats3']) await start(node);
    },
    // nats1 is the node the test reads through: another one is struck.
    killNatsNode: () => kill('nats2'),
    startNatsNode: () => start('nats2'),
    addReplicaSet: () => compose('up', '-d', '--scale', 'accruals=2').then(() => undefined),
    stop: down,
  };
}

function log(line: string) {
  if (line.trim()) process.stderr.write(`${line}\n`);
}

/**
 * The stack's issuer key, read out of the volume the keys job wrote, so the test's tokens
 * are signed as the platform's own (as `docker compose run token` would sign them).
 */
async function copyIssuerKey(project: string, dataDir: string): Promise<void> {
  const jwk = await sh([
    'docker',
    'run',
    '--rm',
    '--entrypoint',
    'cat',
    '-v',
    `${project}_issuer-key:/keys/issuer:ro`,
    APP_IMAGE,
    '/keys/issuer/private.jwk.json',
  ]);
  const file = keyPaths(dataDir).issuerPrivate;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, jwk, { mode: 0o600 });
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
