import type { ChildProcess } from 'node:child_process';
import type { JSONWebKeySet } from 'jose';
import type { Logger } from '../../../runtime';
import type { ProcessMetrics } from '../../../runtime/edge';
import { createMetricsAsker } from './createMetricsAsker';
import { type HeldPorts, holdPorts, portsOf, releasePorts } from './holdPorts';
import { type ForkedChild, forkChild, isRunning } from './forkChild';
import { SubgraphProcessError } from './SubgraphProcessError';
import type { StartMessage } from './subgraphProcessMessages';

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

/** What the child is sent once it takes messages and holds its sockets: what to run. */
function startMessageOf(options: SubgraphProcessOptions): StartMessage {
  return {
    type: 'start',
    names: [...options.names],
    natsUrl: options.natsUrl,
    namespaceId: options.namespaceId,
    gatewayJwks: options.gatewayJwks,
  };
}

/** Asks a running child to stop and waits for its exit, killing it after STOP_GRACE_MS. */
async function stopChild(child: ChildProcess | undefined, takesMessages: boolean): Promise<void> {
  if (!child || !isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  // One that cannot take the message yet has started nothing to stop gracefully.
  if (takesMessages && child.connected) child.send({ type: 'stop' }, () => undefined);
  else child.kill('SIGTERM');
  await exited;
  clearTimeout(timer);
}

/** Leaves the child down, and tells the platform why. */
function giveUp(options: SubgraphProcessOptions, error: SubgraphProcessError) {
  options.logger.error({ err: error }, 'subgraph process given up');
  options.onGiveUp(error);
}

/**
 * Forks all-in-one's second process and keeps it running: it runs `names` (the child,
 * subgraphProcessMain), reached by the gateway over loopback HTTP. A child that dies is
 * started again on the same ports; the events it had not acknowledged are redelivered by
 * JetStream, and its inboxes keep each one's effect single. The ports are bound here and
 * their sockets handed to each child, so no one else can take them between two children.
 * After `maxDeaths` deaths in a row without becoming ready it is left down and `onGiveUp` is
 * called. The first process kills it with SIGKILL if it exits any other way than `stop`.
 */
export async function startSubgraphProcess(
  options: SubgraphProcessOptions,
): Promise<SubgraphProcess> {
  const { names, logger } = options;
  const maxDeaths = options.maxDeaths ?? 3;
  const label = `the subgraph process (${names.join(', ')})`;
  const firstHeld = await holdPorts(names);
  const ports = portsOf(firstHeld);
  const message = startMessageOf(options);
  let current: ForkedChild | undefined;
  let stopping = false;
  let deaths = 0;
  const asker = createMetricsAsker();
  const killLeftover = () => {
    if (current && isRunning(current.process)) current.process.kill('SIGKILL');
  };
  process.on('exit', killLeftover);

  /** Forks a child on `held`; resolves when it is ready, rejects if it fails or exits first. */
  function spawn(held: HeldPorts, onDeath: (why: string) => void): Promise<void> {
    const forked = forkChild(held, message, label, {
      metrics: (id, metrics) => asker.answered(id, metrics),
      exit: (why) => !stopping && current === forked && onDeath(why),
    });
    current = forked;
    return forked.ready.then(() => {
      deaths = 0;
    });
  }

  /** After the first start: each death starts it again, until too many in a row. */
  function restartOnDeath(why: string): void {
    deaths += 1;
    if (deaths >= maxDeaths) {
      const message = `${label} exited with ${why}, ${deaths} times in a row without becoming ready; it is not started again.`;
      return giveUp(options, new SubgraphProcessError(message));
    }
    logger.error({ exit: why, subgraphs: names }, `${label} exited; starting it again`);
    holdPorts(names, ports).then(
      (held) => restartOn(held),
      (error: unknown) => {
        const message = `${label} cannot be started again: its ports are taken (${String(error)}).`;
        giveUp(options, new SubgraphProcessError(message, { cause: error }));
      },
    );
  }

  function restartOn(held: HeldPorts): void {
    if (stopping) return releasePorts(held);
    spawn(held, restartOnDeath).then(
      () => logger.info({ subgraphs: names }, `${label} is ready again`),
      // Its death, if it died, is handled by restartOnDeath through its exit.
      (error: unknown) => logger.warn({ err: error }, `${label} did not start again`),
    );
  }

  // A death during the first start fails the start: the caller stops the platform.
  let firstDone = false;
  const started = spawn(firstHeld, (why) => firstDone && restartOnDeath(why)).then(() => {
    firstDone = true;
  });
  // Marked as handled here: the caller awaits it only after starting its own subgraphs.
  started.catch(() => undefined);

  return {
    urls: Object.fromEntries(
      names.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`]),
    ),
    started,
    ready: () => current?.isReady() ?? false,
    pid: () => (current && isRunning(current.process) ? current.process.pid : undefined),
    metrics: () => asker.ask(current?.isReady() ? current.process : undefined),
    async stop() {
      stopping = true;
      await stopChild(current?.process, current?.takesMessages() ?? false);
      process.off('exit', killLeftover);
    },
  };
}
