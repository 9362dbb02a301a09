import {
  JetStreamApiCodes,
  JetStreamApiError,
  type Consumer,
  type ConsumerMessages,
  type JetStreamClient,
} from '@nats-io/jetstream';
import { ClosedConnectionError } from '@nats-io/nats-core';
import type { Logger } from '../logger';
import { backoffMs } from '../wakeup';
import type { ConsumerState } from './consumerState';
import type { BatchHandler } from './createBatchHandler';
import { createPullQueue } from './createPullQueue';

/** Options of {@link createPullLoop}. */
export interface PullLoopOptions {
  js: JetStreamClient;
  stream: string;
  consumer: string;
  /** Messages pulled per request. */
  maxBatch: number;
  handleMessages: BatchHandler;
  /** Creates the durable again when it was deleted under the loop. */
  ensureDurable(): Promise<void>;
  logger: Logger;
  state: ConsumerState;
}

/** Pulls and handles messages until the consumer stops. */
export interface PullLoop {
  /** Runs until `state.running` turns false or the connection closes for good. */
  run(): Promise<void>;
  /** The pull in progress, if any: a stop ends it when it outlasts its expiry. */
  pullInProgress(): ConsumerMessages | undefined;
  /** NATS is back: forget the failures so the next pause is short. */
  resetFailures(): void;
}

/** A pull whose messages have all arrived, and the promise of their handling (healthy or not). */
interface Pull {
  handled: Promise<boolean>;
  stalled: boolean;
}

/** How long an idle pull waits for messages; also the longest a stop waits for one. */
export const PULL_EXPIRES_MS = 1000;
/** How much longer than its expiry a pull may take before it is taken as stalled. */
const PULL_GRACE_MS = 4000;
/**
 * How long after its expiry a pull that brought messages is taken as over. The server ends a
 * pull at its expiry and says so (408), but NATS 2.9 sometimes says nothing when a message
 * went out at that instant; the client would then wait for two missed heartbeats and the loop
 * back off, holding the consumer's events for about 1.5 s. See {@link endOverrunPull}.
 */
export const PULL_OVERRUN_MS = 250;

/**
 * Ends a pull that outlived its expiry once the server has answered a request sent after
 * it. A timer due while the process was busy fires before the socket is read: messages the
 * server sent the pull before it expired may be waiting there, and ended at once the pull
 * would drop them, to come back only after ack_wait. The answer comes after them on the
 * same connection, so by then they have been read; anything that fails ends the pull too.
 */
async function endOverrunPull(source: Consumer, pulled: ConsumerMessages): Promise<void> {
  try {
    await source.info();
  } catch {
    // NATS away or the durable gone: the pull ends all the same, and the loop sees why.
  } finally {
    pulled.stop();
  }
}

const isConsumerNotFound = (error: unknown): boolean =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;

export function createPullLoop(options: PullLoopOptions): PullLoop {
  const { js, stream, consumer, maxBatch, logger, state } = options;
  let currentPull: ConsumerMessages | undefined;
  let failures = 0;
  // Asking for the consumer is a JetStream API request; one answer serves every pull until
  // a pull fails, so an idle durable costs one request a pull, not two.
  let durable: Promise<Consumer> | undefined;

  /**
   * One pull: resolves once all its messages have arrived (or it expired), with the promise
   * of their handling. They are handled after `previous`, the pull before's, so a consumer's
   * events are applied in the order they were delivered, one batch at a time; meanwhile the
   * loop asks for the next pull, and the next batch is on its way while this one commits.
   * Every message is handled, or handed back at once (nak) when a stop came meanwhile or the
   * handling before failed, so a restart never leaves events waiting out ack_wait. Messages
   * are handled while the pull goes on: a pull whose reader is busy for longer than two
   * idle heartbeats fails. A pull that brought messages ends PULL_OVERRUN_MS after its expiry
   * whether or not the server says so, once what the server sent it before then is read.
   */
  async function pullOnce(previous: Promise<boolean>): Promise<Pull> {
    const source = await (durable ??= js.consumers.get(stream, consumer));
    const pulled = await source.fetch({ max_messages: maxBatch, expires: PULL_EXPIRES_MS });
    currentPull = pulled;
    // With the connection gone a pull never ends by itself; end it so the loop can back
    // off, and a stop is never held up by it.
    let stalled = false;
    const watchdog = setTimeout(() => {
      stalled = true;
      pulled.stop();
    }, PULL_EXPIRES_MS + PULL_GRACE_MS);
    let brought = false;
    const overrun = setTimeout(
      () => brought && void endOverrunPull(source, pulled),
      PULL_EXPIRES_MS + PULL_OVERRUN_MS,
    );
    const queue = createPullQueue({ ...options, previous });
    try {
      for await (const msg of pulled) {
        brought = true;
        if (queue.refusing) {
          msg.nak();
          continue;
        }
        queue.add(msg);
        // Apply what has arrived so far rather than wait for the rest of the pull.
        if (pulled.getPending() === 0) queue.start();
      }
    } catch (error) {
      // The loop goes on only once what did arrive is handled: never two handlings at once.
      await queue.finish();
      throw error;
    } finally {
      clearTimeout(watchdog);
      clearTimeout(overrun);
      currentPull = undefined;
    }
    return { handled: queue.finish(), stalled };
  }

  async function run(): Promise<void> {
    failures = 0;
    let previous = Promise.resolve(true);
    while (state.running) {
      try {
        const pull = await pullOnce(previous);
        // At most one pull waits while another is handled.
        const handledBefore = await previous;
        previous = pull.handled;
        failures = handledBefore && !pull.stalled ? 0 : failures + 1;
      } catch (error) {
        // Ask again next time: the durable may have been deleted or recreated meanwhile.
        durable = undefined;
        if (error instanceof ClosedConnectionError) break;
        failures += 1;
        logger.warn({ consumer, err: error, failures }, 'pull interrupted');
        // Only a durable deleted under us is recreated: any other error means NATS is away,
        // and a request sent now would hold the loop for its whole timeout after a reconnect.
        if (isConsumerNotFound(error)) await options.ensureDurable().catch(() => undefined);
      }
      if (state.running && failures > 0)
        await state.stopping.wait(backoffMs(failures, 500, 10_000));
    }
    // A stop returns once what was pulled is handled or handed back.
    await previous;
    state.running = false;
  }

  return {
    run,
    pullInProgress: () => currentPull,
    resetFailures: () => {
      failures = 0;
    },
  };
}
