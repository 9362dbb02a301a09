import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type RunningNatsServer, startNatsServer } from '../messaging';
import { createLocalIssuer, keyPaths, type LocalIssuer } from '../runtime';
import { createTestDatabase, type TestDatabase } from './database';
import { waitFor } from './waitFor';

const root = path.resolve(__dirname, '..');
// Node itself with tsx's loader, not the tsx command: signals must reach the server's process.
const tsxLoader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;

export interface ServedPartsOptions {
  /** Where the parts keep their data, and the keys job its keys (under `keys/`). */
  dataDir: string;
  natsUrl: string;
  /** PostgreSQL, when the suite runs on it. */
  databaseUrl?: string;
}

/** Parts of the platform served as their own processes, as docker-compose runs them. */
export interface ServedParts {
  readonly keys: ReturnType<typeof keyPaths>;
  /** The token issuer, as `npm run token` is: the only holder of its private key. */
  readonly issuer: LocalIssuer;
  /** Serves a subgraph by name on `port` (public keys and the gateway's public key only). */
  subgraph(name: string, port: number, env?: Record<string, string>): ChildProcess;
  /** Serves the gateway on `port` with its assertion key; `env` names the subgraphs' URLs. */
  gateway(port: number, env: Record<string, string>): ChildProcess;
  /** Resolves once `/health/ready` on `port` answers 200. */
  ready(port: number, timeoutMs?: number): Promise<void>;
  /** Stops every process still running (SIGCONT first, for a stopped one). */
  stop(): Promise<void>;
}

/**
 * Runs the keys job (`bin/keys.ts`), then serves parts with `bin/serve.ts` the way
 * the compose file does: every part verifies tokens with the issuer's public keys,
 * subgraphs take calls from the gateway's assertion only.
 */
export async function prepareServedParts(options: ServedPartsOptions): Promise<ServedParts> {
  const keysDir = path.join(options.dataDir, 'keys');
  await promisify(execFile)(process.execPath, ['--import', tsxLoader, 'bin/keys.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: keysDir },
  });
  const keys = keyPaths(keysDir);
  const base = {
    DATA_DIR: options.dataDir,
    NATS_URL: options.natsUrl,
    JWKS_FILE: keys.issuerJwks,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
  };
  const processes = new Set<ChildProcess>();

  function serve(name: string, port: number, env: Record<string, string>): ChildProcess {
    const child = spawn(
      process.execPath,
      ['--import', tsxLoader, path.join(root, 'bin/serve.ts'), name],
      {
        env: { ...process.env, ...base, ...env, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    processes.add(child);
    child.once('exit', () => processes.delete(child));
    return child;
  }

  return {
    keys,
    issuer: createLocalIssuer({ dataDir: keysDir, issuer: 'hr-platform', audience: 'hr-platform' }),
    subgraph: (name, port, env = {}) =>
      serve(name, port, {
        GATEWAY_JWKS_FILE: keys.gatewayJwks,
        // Sign-in is the issuer: as in the compose file, it reads the issuer's key from its DATA_DIR.
        ...(name === 'accounts' && { DATA_DIR: keysDir }),
        ...env,
      }),
    gateway: (port, env) =>
      serve('gateway', port, { GATEWAY_ASSERTION_KEY_FILE: keys.gatewayPrivate, ...env }),
    // Starting takes a while on a busy machine, the more so while other suites start
    // processes of their own: the bound is for a part that never comes up, not a slow one.
    ready: (port, timeoutMs = 240_000) =>
      waitFor(
        () =>
          fetch(`http://127.0.0.1:${port}/health/ready`).then(
            (r) => (r.ok ? true : undefined),
            () => undefined,
          ),
        timeoutMs,
      ).then(() => undefined),
    async stop() {
      await Promise.all(
        [...processes].map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once('exit', () => resolve());
              child.kill('SIGCONT');
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** Served parts over a fresh test database and a NATS server of their own. */
export interface ServedPlatform {
  readonly db: TestDatabase;
  readonly parts: ServedParts;
  /** Stops the parts, then NATS, then drops the database. */
  stop(): Promise<void>;
}

/** The setup of a suite that serves parts as processes: database, NATS, then the keys job. */
export async function serveOnTestDatabase(): Promise<ServedPlatform> {
  const db = await createTestDatabase();
  let nats: RunningNatsServer | undefined;
  try {
    nats = await startNatsServer({ storeDir: path.join(db.dataDir, 'nats') });
    const running = nats;
    const parts = await prepareServedParts({
      dataDir: db.dataDir,
      natsUrl: running.url,
      databaseUrl: db.url,
    });
    return {
      db,
      parts,
      async stop() {
        await parts.stop();
        await running.stop();
        await db.drop();
      },
    };
  } catch (error) {
    await nats?.stop();
    await db.drop();
    throw error;
  }
}
