import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './freePort';

export interface NatsServerOptions {
  /** JetStream store directory. */
  storeDir: string;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Executable to run (default: `nats-server` found on `searchPath`). */
  command?: string;
  /** Folders to look for nats-server in (default: PATH, then /usr/sbin and /usr/local/sbin). */
  searchPath?: string;
  /** More arguments for nats-server, e.g. `['--user', 'hr', '--pass', '…']`. */
  args?: string[];
  /**
   * More server configuration (authorization, tls, cluster, …) in nats-server's format,
   * written to `<storeDir>.conf` and passed with `-c`; the port and store stay the options'.
   */
  config?: string;
}

export interface RunningNatsServer {
  url: string;
  port: number;
  /** The server process, e.g. to stop it from elsewhere. */
  pid: number;
  stop(): Promise<void>;
}

export class NatsServerError extends Error {
  override name = 'NatsServerError';
  readonly code = 'NATS_SERVER_UNAVAILABLE';
}

/** Finds an executable on PATH, as a shell would. */
export function findOnPath(command: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null)
        return reject(new NatsServerError(`nats-server exited with code ${child.exitCode}.`));
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline)
          return reject(new NatsServerError('nats-server did not start in time.'));
        setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Tries to start a free port's server this many times, in case another takes it first. */
const PORT_TRIES = 3;

/** The arguments besides the port; `config` is written beside the store, once. */
function argsOf(options: NatsServerOptions): string[] {
  const args = ['-a', '127.0.0.1', '-js', '-sd', options.storeDir];
  if (options.config !== undefined) {
    const file = `${options.storeDir.replace(/\/+$/, '')}.conf`;
    fs.writeFileSync(file, options.config);
    args.push('-c', file);
  }
  return [...args, ...(options.args ?? [])];
}

/** Runs nats-server until it listens: on `options.port`, or on a free port, tried again. */
async function spawnListening(command: string, options: NatsServerOptions) {
  const args = argsOf(options);
  for (let tries = 1; ; tries++) {
    const port = options.port ?? (await freePort());
    const child = spawn(command, ['-p', String(port), ...args], { stdio: 'ignore' });
    try {
      await waitForPort(port, child, 10_000);
      return { child, port };
    } catch (error) {
      child.kill('SIGKILL');
      const exited = error instanceof NatsServerError && child.exitCode !== null;
      if (options.port !== undefined || !exited || tries >= PORT_TRIES) throw error;
    }
  }
}

/**
 * Starts a nats-server with JetStream as a child process. All-in-one uses it
 * when no NATS_URL is configured; tests use it to stop NATS midway.
 */
export async function startNatsServer(options: NatsServerOptions): Promise<RunningNatsServer> {
  // sbin folders too: Debian installs nats-server there, outside a normal user's PATH.
  const searchPath = options.searchPath ?? `${process.env.PATH ?? ''}:/usr/sbin:/usr/local/sbin`;
  const command = options.command ?? findOnPath('nats-server', searchPath);
  if (!command) {
    throw new NatsServerError(
      'No NATS found: set NATS_URL to a NATS server with JetStream, or install nats-server ' +
        '(Debian/Ubuntu: apt-get install nats-server; or https://docs.nats.io) so it is on PATH.',
    );
  }
  fs.mkdirSync(options.storeDir, { recursive: true });
  const { child, port } = await spawnListening(command, options);
  // A process that exits without stopping it (a failed benchmark, an uncaught error) would
  // leave it running, holding its store; it shuts down cleanly on SIGTERM by itself.
  const stopOnExit = () => child.kill('SIGTERM');
  process.on('exit', stopOnExit);
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', stopOnExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
