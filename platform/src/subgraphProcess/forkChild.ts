import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { ProcessMetrics } from '../../../runtime/edge';
import { type HeldPorts, releasePorts } from './holdPorts';
import { SubgraphProcessError } from './SubgraphProcessError';
import type { FromChild, StartMessage } from './subgraphProcessMessages';

/** The child's entry, beside this file: TypeScript under tsx, JavaScript when built. */
const ENTRY = path.join(__dirname, `subgraphProcessMain${path.extname(__filename)}`);

/** One forked second process, from its start to its exit. */
export interface ForkedChild {
  readonly process: ChildProcess;
  /** Resolves once it says it is ready; rejects if it fails or exits first. */
  readonly ready: Promise<void>;
  /** Whether it has said it takes messages. */
  takesMessages(): boolean;
  /** Whether it runs and has said it is ready. */
  isReady(): boolean;
}

export interface ForkChildEvents {
  metrics(id: number, metrics: ProcessMetrics): void;
  /** It exited, however: `why` is its exit code or signal. */
  exit(why: string): void;
}

export const isRunning = (child: ChildProcess) =>
  child.exitCode === null && child.signalCode === null;

const exitOf = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `code ${code}`;

/**
 * Hands the held sockets to the child, then the start message; once that is written (after
 * every socket, which the child has acknowledged), this process's copies are closed.
 */
function handOver(child: ChildProcess, held: HeldPorts, message: StartMessage): void {
  // A child that dies meanwhile is handled through its exit.
  for (const [name, server] of Object.entries(held)) {
    child.send({ type: 'port', name }, server, () => undefined);
  }
  child.send(message, () => releasePorts(held));
}

/**
 * Forks the second process (subgraphProcessMain) and, once it takes messages, hands it the
 * `held` sockets and `message`. `label` names it in errors.
 */
export function forkChild(
  held: HeldPorts,
  message: StartMessage,
  label: string,
  events: ForkChildEvents,
): ForkedChild {
  const child = fork(ENTRY, [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let listening = false;
  let ready = false;
  const readyPromise = new Promise<void>((resolve, reject) => {
    child.on('message', (answer: FromChild) => {
      if (answer.type === 'metrics') events.metrics(answer.id, answer.metrics);
      else if (answer.type === 'listening') {
        listening = true;
        handOver(child, held, message);
      } else if (answer.type === 'ready') {
        ready = true;
        resolve();
      } else reject(new SubgraphProcessError(`${label} did not start: ${answer.message}`));
    });
    child.once('error', (error) =>
      reject(
        new SubgraphProcessError(`${label} could not run: ${error.message}`, { cause: error }),
      ),
    );
    child.once('exit', (code, signal) => {
      ready = false;
      // Before a restart binds the same ports again (a no-op once handed over).
      releasePorts(held);
      const why = exitOf(code, signal);
      reject(new SubgraphProcessError(`${label} exited with ${why} before it was ready.`));
      events.exit(why);
    });
  });
  return {
    process: child,
    ready: readyPromise,
    takesMessages: () => listening,
    isReady: () => ready && isRunning(child),
  };
}
