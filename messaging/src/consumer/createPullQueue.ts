import type { JsMsg } from '@nats-io/jetstream';
import type { Logger } from '../logger';
import type { ConsumerState } from './consumerState';
import type { BatchHandler } from './createBatchHandler';

/** Options of {@link createPullQueue}. */
export interface PullQueueOptions {
  /** The handling of the pull before: this one's starts when it ends; false if it failed. */
  previous: Promise<boolean>;
  handleMessages: BatchHandler;
  state: ConsumerState;
  logger: Logger;
  consumer: string;
}

/** One pull's messages, handled in turn after the pull before's. */
export interface PullQueue {
  /** Messages arriving now are handed back (nak): a stop came, or a handling failed. */
  readonly refusing: boolean;
  add(msg: JsMsg): void;
  /** Handles what has arrived so far, once the pull before is handled. */
  start(): void;
  /** Handles what is left; resolves false when an ack went unconfirmed. Never rejects. */
  finish(): Promise<boolean>;
}

export function createPullQueue(options: PullQueueOptions): PullQueue {
  const { previous, handleMessages, state, logger, consumer } = options;
  let healthy = true;
  // The handling before failed (connection trouble): hand back what this pull brought,
  // without counting it as a failure of its own.
  let handBack = false;
  let queue: JsMsg[] = [];
  let working: Promise<void> | undefined;

  async function work(): Promise<void> {
    if (!(await previous)) handBack = true;
    try {
      while (queue.length > 0) {
        const taken = queue;
        queue = [];
        // An unconfirmed ack means connection trouble: hand back the rest of this pull.
        if (state.running && healthy && !handBack) healthy = await handleMessages(taken);
        else taken.forEach((msg) => msg.nak());
      }
    } catch (error) {
      // Never left unhandled while the next pull runs; the rest is handed back.
      healthy = false;
      logger.warn({ consumer, err: error }, 'handling a pull failed');
      queue.splice(0).forEach((msg) => msg.nak());
    }
    working = undefined;
  }

  return {
    get refusing() {
      return !state.running || !healthy || handBack;
    },
    add: (msg) => queue.push(msg),
    start() {
      working ??= work();
    },
    finish: () => (working ?? work()).then(() => healthy),
  };
}
