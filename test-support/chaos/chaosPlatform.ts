import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningNatsServer, startNatsServer } from '../../messaging';
import { freePort } from '../../messaging/testing';
import { subgraphs } from '../../subgraphs';
import type { LocalIssuer } from '../../runtime';
import { prepareServedParts } from '../servedParts';
import { startPrivatePostgres, type PrivatePostgres } from './privatePostgres';

export const SUBGRAPH_NAMES: readonly string[] = subgraphs.map((s) => s.name);

/** The load comes from a few identities: quotas meant for the internet would throttle it. */
export const LOAD_ENV = {
  RATE_LIMIT_STORE: 'memory',
  RATE_LIMIT_REQUESTS: '100000000',
  RATE_LIMIT_COST: '1000000000',
  RATE_LIMIT_ADDRESS_REQUESTS: '100000000',
  RATE_LIMIT_ADDRESS_COST: '1000000000',
  GATEWAY_MAX_CONCURRENT_PER_IDENTITY: '64',
  GATEWAY_QUEUE_PER_IDENTITY: '1024',
};

/** A busy machine starts nine processes slowly: readiness gets time. */
const STARTUP_TIMEOUT_MS = 600_000;

interface Served {
  name: string;
  replica: number;
  port: number;
  child: ChildProcess;
}

/**
 * The platform distributed as the compose file runs it, on a PostgreSQL cluster and a
 * nats-server of its own: each subgraph a process (one or more replicas), and a gateway per
 * replica set, so the load can spread calls over the sets.
 */
export interface ChaosPlatform {
  /** The database every subgraph's schema lives in: its URL, and a crash and start of it. */
  readonly pg: Pick<PrivatePostgres, 'url' | 'crash' | 'start'>;
  readonly natsUrl: string;
  /** Signs the load's tokens with the platform's own issuer key. */
  readonly issuer: LocalIssuer;
  /** One gateway URL per replica set (`http://127.0.0.1:<port>`). */
  gatewayUrls(): string[];
  /** SIGKILLs one replica of a subgraph; resolves once it is gone. */
  kill(name: string, replica?: number): Promise<void>;
  /** Serves a subgraph replica again (with extra environment) and waits until it is ready. */
  restart(name: string, replica?: number, env?: Record<string, string>): Promise<void>;
  /** Resolves once the replica's process has exited (for a fault that kills itself). */
  exited(name: string, replica?: number): Promise<void>;
  stopNats(): Promise<void>;
  startNats(): Promise<void>;
  /** A cluster's NATS: SIGKILLs one node, and starts it again (absent with a single server). */
  killNatsNode?(): Promise<void>;
  startNatsNode?(): Promise<void>;
  /** Starts another replica of every subgraph and a gateway in front of them. */
  addReplicaSet(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the platform, serving `names` only (default every subgraph); a start that fails
 * stops what it had started.
 */
export async function startChaosPlatform(
  names: readonly string[] = SUBGRAPH_NAMES,
): Promise<ChaosPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-chaos-'));
  const pg = await startPrivatePostgres();
  const natsStore = path.join(dataDir, 'nats');
  let nats: RunningNatsServer | undefined = await startNatsServer({ storeDir: natsStore });
  const natsPort = nats.port;
  const parts = await prepareServedParts({ dataDir, natsUrl: nats.url, databaseUrl: pg.url });
  const served = new Map<string, Served>();
  const gateways: number[] = [];
  const key = (name: string, replica: number) => `${name}#${replica}`;

  async function serve(name: string, replica: number, env: Record<string, string> = {}) {
    const port = served.get(key(name, replica))?.port ?? (await freePort());
    const child = parts.subgraph(name, port, { LOG_LEVEL: 'fatal', ...env });
    served.set(key(name, replica), { name, replica, port, child });
    await parts.ready(port, STARTUP_TIMEOUT_MS);
  }

  async function serveSet(replica: number) {
    // The first start fills tsx's compile cache, which makes the others' faster.
    await serve(names[0], replica);
    await Promise.all(names.slice(1).map((name) => serve(name, replica)));
    const port = await freePort();
    const urls = Object.fromEntries(
      names.map((name) => [
        `SUBGRAPH_URL_${name.toUpperCase()}`,
        `http://127.0.0.1:${served.get(key(name, replica))!.port}/graphql`,
      ]),
    );
    parts.gateway(port, {
      LOG_LEVEL: 'fatal',
      ...LOAD_ENV,
      ...urls,
      GATEWAY_REQUIRED_SUBGRAPHS: names.join(','),
    });
    await parts.ready(port, STARTUP_TIMEOUT_MS);
    gateways.push(port);
  }

  const exited = (name: string, replica = 0) => {
    const { child } = served.get(key(name, replica))!;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => child.once('exit', () => resolve()));
  };

  async function stop() {
    await parts.stop();
    await nats?.stop();
    await pg.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  await serveSet(0).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    pg,
    natsUrl: nats.url,
    issuer: parts.issuer,
    gatewayUrls: () => gateways.map((port) => `http://127.0.0.1:${port}`),
    async kill(name, replica = 0) {
      const gone = exited(name, replica);
      served.get(key(name, replica))!.child.kill('SIGKILL');
      await gone;
    },
    restart: (name, replica = 0, env = {}) => serve(name, replica, env),
    exited,
    async stopNats() {
      await nats?.stop();
      nats = undefined;
    },
    async startNats() {
      nats = await startNatsServer({ storeDir: natsStore, port: natsPort });
    },
    addReplicaSet: () => serveSet(gateways.length),
    stop,
  };
}
