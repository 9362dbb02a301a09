import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { JSONWebKeySet } from 'jose';
import type { Logger } from '../../../runtime';
import type { ProcessMetrics } from '../../../runtime/edge';
import { createMetricsAsker } from './createMetricsAsker';
import { reservePorts } from './reservePorts';
import { SubgraphProcessError } from './SubgraphProcessError';
import type { FromChild, StartMessage } from './subgraphProcessMessages';

/** The child's entry, beside this file: TypeScript under tsx, JavaScript when built. */
const ENTRY = path.join(__dirname, `subgraphProcessMain${path.extname(__filename)}`);

/** How long a stopping child may take before it is killed (its pulls end within seconds). */
const STOP_GRACE_MS = 30_000;

export interface SubgraphProcessOptions {
  /** The subgraphs it runs, by name. */
  names: readonly string[];
  natsUrl: string | string[];
  /** NATS_NAMESPACE's id, so both processes use the same streams (default none). */
  namespaceId?: string;
  /** The public key set its subgraphs check the gateway's assertion with. */
  gatewayJwks: JSONWebKeySet;
  logger: Logger;
  /**
   * Deaths in a row, without becoming ready in between, after which it is not started again
   * (default 3): a process that cannot start would only die again.
   */
  maxDeaths?: number;
  /** Called once when it is not started again; the platform should stop, saying why. */
  onGiveUp(error: SubgraphProcessError): void;
}

export interface SubgraphProcess {
  /** Each subgraph's GraphQL URL on the loopback interface, the same across restarts. */
  readonly urls: Record<string, string>;
  /** Resolves once it first is ready; rejects with a SubgraphProcessError if it is not. */
  readonly started: Promise<void>;
  /** Whether a child runs now and has said it is ready. */
  ready(): boolean;
  /** The running child's process id, if one runs. */
  pid(): number | undefined;
  /** The ready child's metrics (prom-client JSON), or none: for the first process's `/metrics`. */
  metrics(): Promise<ProcessMetrics[]>;
  /** Asks the child to stop and waits for it to exit; it is not started again. */
  stop(): Promise<void>;
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

const exitOf = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `code ${code}`;

/** What the child is sent once it takes messages: what to run, and where. */
function startMessageOf(
  options: SubgraphProcessOptions,
  ports: Record<string, number>,
): StartMessage {
  return {
    type: 'start',
    names: [...options.names],
    natsUrl: options.natsUrl,
    namespaceId: options.namespaceId,
    ports,
    gatewayJwks: options.gatewayJwks,
  };
}

/** Asks a running child to stop and waits for its exit, killing it after STOP_GRACE_MS. */
async function stopChild(child: ChildProcess | undefined, takesMessages: boolean): Promise<void> {
  if (!child || !running(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  // One that cannot take the message yet has started nothing to stop gracefully.
  if (takesMessages && child.connected) child.send({ type: 'stop' }, () => undefined);
  else child.kill('SIGTERM');
  await exited;
  clearTimeout(timer);
}

/** Leaves the child down after too many deaths in a row, and tells the platform why. */
function giveUp(options: SubgraphProcessOptions, label: string, why: string, deaths: number) {
  const error = new SubgraphProcessError(
    `${label} exited with ${why}, ${deaths} times in a row without becoming ready; it is not started again.`,
  );
  options.logger.error({ err: error }, 'subgraph process given up');
  options.onGiveUp(error);
}

/**
 * Forks all-in-one's second process and keeps it running: it runs `names` (the child,
 * subgraphProcessMain), reached by the gateway over loopback HTTP. A child that dies is
 * started again on the same ports; the events it had not acknowledged are redelivered by
 * JetStream, and its inboxes keep each one's effect single. After `maxDeaths` deaths in a
 * row without becoming ready it is left down and `onGiveUp` is called. The first process
 * kills it with SIGKILL if it exits any other way than through `stop`.
 */
export async function startSubgraphProcess(
  options: SubgraphProcessOptions,
): Promise<SubgraphProcess> {
  const { names, logger } = options;
  const maxDeaths = options.maxDeaths ?? 3;
  const label = `the subgraph process (${names.join(', ')})`;
  const ports = await reservePorts(names);
  const message = startMessageOf(options, ports);
  let child: ChildProcess | undefined;
  /** Whether the running child has said it takes messages. */
  let listening = false;
  let isReady = false;
  let stopping = false;
  let deaths = 0;
  const asker = createMetricsAsker();
  const killLeftover = () => {
    if (child && running(child)) child.kill('SIGKILL');
  };
  process.on('exit', killLeftover);

  /** Forks a child; resolves when it is ready, rejects if it fails or exits first. */
  function spawn(onDeath: (why: string) => void): Promise<void> {
    const forked = fork(ENTRY, [], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = forked;
    listening = false;
    isReady = false;
    return new Promise<void>((resolve, reject) => {
      forked.on('message', (answer: FromChild) => {
        if (answer.type === 'metrics') asker.answered(answer.id, answer.metrics);
        else if (answer.type === 'listening') {
          listening = true;
          // A child that dies meanwhile is handled through its exit.
          forked.send(message, () => undefined);
        } else if (answer.type === 'ready') {
          isReady = true;
          deaths = 0;
          resolve();
        } else reject(new SubgraphProcessError(`${label} did not start: ${answer.message}`));
      });
      forked.once('error', (error) =>
        reject(
          new SubgraphProcessError(`${label} could not run: ${error.message}`, { cause: error }),
        ),
      );
      forked.once('exit', (code, signal) => {
        isReady = false;
        const why = exitOf(code, signal);
        reject(new SubgraphProcessError(`${label} exited with ${why} before it was ready.`));
        if (!stopping && child === forked) onDeath(why);
      });
    });
  }

  /** After the first start: each death starts it again, until too many in a row. */
  function restartOnDeath(why: string): void {
    deaths += 1;
    if (deaths >= maxDeaths) return giveUp(options, label, why, deaths);
    logger.error({ exit: why, subgraphs: names }, `${label} exited; starting it again`);
    spawn(restartOnDeath).then(
      () => logger.info({ subgraphs: names }, `${label} is ready again`),
      // Its death, if it died, is handled by restartOnDeath through its exit.
      (error: unknown) => logger.warn({ err: error }, `${label} did not start again`),
    );
  }

  // A death during the first start fails the start: the caller stops the platform.
  let firstDone = false;
  const started = spawn((why) => firstDone && restartOnDeath(why)).then(() => {
    firstDone = true;
  });
  // Marked as handled here: the caller awaits it only after starting its own subgraphs.
  started.catch(() => undefined);

  return {
    urls: Object.fromEntries(
      names.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`]),
    ),
    started,
    ready: () => isReady && child !== undefined && running(child),
    pid: () => (child && running(child) ? child.pid : undefined),
    metrics: () => asker.ask(isReady ? child : undefined),
    async stop() {
      stopping = true;
      await stopChild(child, listening);
      process.off('exit', killLeftover);
    },
  };
}
