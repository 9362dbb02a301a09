import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { closeNats, connectNats, createNamespace } from '../../messaging';
import { deleteStreams, freePort } from '../../messaging/testing';
import { LOCK_FILE } from '../src/startup/lockDataDir';
import { descendantsOf, isRunning, parentOf, secondProcessesOf } from '../src/startup/processInfo';
import { TEST_NATS_URL } from '../../test-support/createTestPlatform';
import { waitFor } from '../../test-support/waitFor';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

interface Run {
  child: ChildProcess;
  /** What it wrote to stdout and stderr so far. */
  output(): string;
  /** Its exit code. */
  exited: Promise<number | null>;
}

/** The nats-servers whose store is under `dataDir`. */
function natsServersOf(dataDir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        return command.includes('nats-server') && command.includes(dataDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The subgraphs these tests move to the second process, whatever the machine's cores. */
const CHILD_SUBGRAPHS = 'accruals,billing,audit';

const METRICS_TOKEN = 'start-test-metrics';

/**
 * Which of the second process's subgraphs `/metrics` counts an outbox of: their gauges live
 * in that process, so they show only if the first one serves its metrics with its own.
 */
async function outboxBacklogs(port: number): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  const children = CHILD_SUBGRAPHS.split(',');
  const found = [...text.matchAll(/^hr_outbox_backlog\{subgraph="(\w+)"\}/gm)].map((m) => m[1]!);
  return found.filter((name) => children.includes(name)).sort();
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

// `npm start` as people run it, on its own DATA_DIR and port.
describe('npm start', () => {
  const runs: Run[] = [];
  const dataDirs: string[] = [];
  const namespaceId = `T${crypto.randomBytes(4).toString('hex')}`;

  const newDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-start-'));
    dataDirs.push(dir);
    return dir;
  };

  function run(how: 'npm' | 'tsx', env: Record<string, string>): Run {
    const [command, args] = how === 'npm' ? ['npm', ['start']] : [tsx, ['bin/start.ts']];
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const started = { child, output: () => output, exited };
    runs.push(started);
    return started;
  }

  const isReady = (port: number) =>
    fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );

  /** The platform with a shared NATS and its own streams, ready to serve. */
  async function startReady(dataDir: string, port: number): Promise<Run> {
    const started = run('npm', {
      DATA_DIR: dataDir,
      PORT: String(port),
      NATS_URL: TEST_NATS_URL,
      NATS_NAMESPACE: namespaceId,
      ALL_IN_ONE_CHILD_SUBGRAPHS: CHILD_SUBGRAPHS,
      METRICS_TOKEN,
    });
    await waitFor(async () => {
      if (started.child.exitCode !== null) throw new Error(`exited: ${started.output()}`);
      return (await isReady(port)) || undefined;
    }, 90_000);
    return started;
  }

  /** `npm start` on a new DATA_DIR and a free port, given `env`, which must fail. */
  async function failedStartAnew(env: Record<string, string>) {
    const dataDir = newDataDir();
    const failed = run('npm', { DATA_DIR: dataDir, PORT: String(await freePort()), ...env });
    expect(await failed.exited).not.toBe(0);
    return { dataDir, output: failed.output() };
  }

  interface Ready extends Run {
    dataDir: string;
    port: number;
    /** npm and every process below it once it was ready. */
    tree: number[];
    /** The second process, among `tree`. */
    second: number;
  }

  /** `npm start` on a new DATA_DIR and a free port, ready to serve. */
  async function startReadyAnew(): Promise<Ready> {
    const dataDir = newDataDir();
    const port = await freePort();
    const started = await startReady(dataDir, port);
    const tree = [started.child.pid!, ...descendantsOf(started.child.pid!)];
    const [second, ...more] = secondProcessesOf(dataDir);
    expect(more).toEqual([]);
    expect(tree).toContain(second);
    return { ...started, dataDir, port, tree, second: second! };
  }

  /** Sends `signal` to npm: its whole tree must go, closing the port and freeing DATA_DIR. */
  async function expectStopOn(signal: NodeJS.Signals, { child, tree, port, dataDir }: Ready) {
    child.kill(signal);
    await waitFor(async () => (tree.some(isRunning) ? undefined : true), 60_000);
    expect(secondProcessesOf(dataDir)).toEqual([]);
    expect(await portOpen(port)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }

  afterAll(async () => {
    // Whatever a failed test left running.
    for (const { child } of runs) {
      for (const pid of [...descendantsOf(child.pid!), child.pid!]) {
        if (isRunning(pid)) process.kill(pid, 'SIGKILL');
      }
    }
    const nats = await connectNats({ servers: TEST_NATS_URL, name: 'test-cleanup' });
    await deleteStreams(nats.jsm, createNamespace(namespaceId));
    await closeNats(nats.nc);
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second start on the same DATA_DIR, naming the process that holds it, and stops on SIGTERM', async () => {
    const first = await startReadyAnew();
    // The first administrator's link leads to this platform's own port.
    expect(first.output()).toContain(`http://localhost:${first.port}/invite/`);
    const holder = JSON.parse(fs.readFileSync(path.join(first.dataDir, LOCK_FILE), 'utf8')).pid;
    expect(first.tree).toContain(holder);

    const second = run('tsx', { DATA_DIR: first.dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`DATA_DIR ${first.dataDir} is in use by process ${holder}`);
    expect(await portOpen(first.port)).toBe(true);

    // To npm itself, as a supervisor or a shell's `kill` sends it.
    await expectStopOn('SIGTERM', first);
    expect(first.output()).not.toMatch(/did not stop/);
  }, 180_000);

  it.each([
    ['on SIGINT to npm, as Ctrl-C in a terminal sends it', 'SIGINT'],
    ['when npm dies without passing a signal on', 'SIGKILL'],
  ] as const)(
    'stops %s',
    async (_when, signal) => {
      await expectStopOn(signal, await startReadyAnew());
    },
    180_000,
  );

  it('starts the second process again when it dies, not ready until it is', async () => {
    const first = await startReadyAnew();
    expect(await outboxBacklogs(first.port)).toEqual(['accruals', 'audit', 'billing']);
    process.kill(first.second, 'SIGKILL');
    await waitFor(async () => ((await isReady(first.port)) ? undefined : true), 60_000);
    const again = await waitFor(async () => {
      const [pid] = secondProcessesOf(first.dataDir).filter((p) => p !== first.second);
      return pid;
    }, 60_000);
    await waitFor(async () => ((await isReady(first.port)) ? true : undefined), 90_000);
    expect(descendantsOf(first.child.pid!)).toContain(again);
    expect(first.output()).toContain('exited; starting it again');
    // The new second process's metrics are served again, beside the first's.
    await waitFor(async () => (await outboxBacklogs(first.port)).length === 3 || undefined);
    await expectStopOn('SIGTERM', { ...first, tree: [...first.tree, again] });
  }, 240_000);

  it('stops, saying why, when the second process keeps dying before it is ready', async () => {
    const first = await startReadyAnew();
    // Each new one is killed as soon as it appears, before it can be ready, until the
    // platform gives up and stops.
    const killed = [first.second];
    process.kill(first.second, 'SIGKILL');
    const code = await waitFor(
      async () => {
        if (first.child.exitCode !== null) return first.child.exitCode;
        for (const pid of secondProcessesOf(first.dataDir).filter((p) => !killed.includes(p))) {
          killed.push(pid);
          process.kill(pid, 'SIGKILL');
        }
        return undefined;
      },
      120_000,
      20,
    );
    expect(code).toBe(1);
    expect(killed).toHaveLength(3);
    expect(first.output()).toMatch(
      /The platform stopped: the subgraph process \(accruals, billing, audit\) exited with signal SIGKILL, 3 times in a row without becoming ready/,
    );
    await waitFor(async () => (first.tree.some(isRunning) ? undefined : true), 60_000);
    expect(secondProcessesOf(first.dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(first.dataDir, LOCK_FILE))).toBe(false);
  }, 240_000);

  it('leaves no second process behind when the platform itself is killed', async () => {
    const first = await startReadyAnew();
    const platformPid = parentOf(first.second)!;
    process.kill(platformPid, 'SIGKILL');
    await waitFor(async () => (isRunning(first.second) ? undefined : true), 60_000);
  }, 180_000);

  it('stops the start when the second process cannot start, saying which subgraph and why', async () => {
    const { dataDir, output } = await failedStartAnew({
      NATS_URL: TEST_NATS_URL,
      NATS_NAMESPACE: namespaceId,
      ALL_IN_ONE_CHILD_SUBGRAPHS: 'accruals,attendance',
      ATTENDANCE_GRACE_MINUTES: 'soon',
    });
    expect(output).toMatch(
      /The platform did not start: the subgraph process \(accruals, attendance\) did not start: The attendance subgraph did not start: ATTENDANCE_GRACE_MINUTES .*"soon"/,
    );
    expect(secondProcessesOf(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 180_000);

  it('stops the nats-server it launched and frees DATA_DIR when its port is taken', async () => {
    const dataDir = newDataDir();
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const failed = run('npm', { DATA_DIR: dataDir, PORT: String(port) });
      expect(await failed.exited).not.toBe(0);
      expect(failed.output()).toContain(`Port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
    // It did launch one (its store is there), and left none behind.
    expect(fs.existsSync(path.join(dataDir, 'nats'))).toBe(true);
    expect(natsServersOf(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 180_000);

  it('stops what it started when a subgraph fails to start, saying which and why', async () => {
    const { dataDir, output } = await failedStartAnew({ ATTENDANCE_GRACE_MINUTES: 'soon' });
    expect(output).toMatch(
      /The attendance subgraph did not start: ATTENDANCE_GRACE_MINUTES .*"soon"/,
    );
    // Subgraphs before it in the list had started: their databases are there.
    expect(fs.existsSync(path.join(dataDir, 'employees.sqlite'))).toBe(true);
    expect(natsServersOf(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 180_000);
});
