import type { Logger } from '../logger';
import { backoffMs, type Wakeup } from '../wakeup';
import type { RelayRound, RelayRounds } from './createRelayRounds';

/** What the relay's loop and its callers share. */
export interface RelayLoopState {
  running: boolean;
  /** Failed rounds in a row; the pause after one doubles with each. */
  failures: number;
  /** Ends the pause between rounds early: something was recorded. */
  nudge: Wakeup;
  /** Ends a backoff pause early: a stop, or NATS back. */
  stopping: Wakeup;
}

/** Options of {@link runRelayLoop}. */
export interface RelayLoopOptions {
  state: RelayLoopState;
  rounds: RelayRounds;
  purge: () => Promise<void>;
  batchSize: number;
  pollIntervalMs: number;
  maxBackoffMs: number;
  logger: Logger;
}

/**
 * Runs rounds while `state.running`: at once while each fills a batch, else after the poll
 * interval or a nudge; after a failed round, after a backoff pause.
 */
export async function runRelayLoop(options: RelayLoopOptions): Promise<void> {
  const { state, rounds, batchSize, pollIntervalMs, logger } = options;
  state.failures = 0;
  while (state.running) {
    await options.purge();
    let round: RelayRound;
    try {
      round = await rounds.run();
    } catch (error) {
      round = { published: 0, claimed: 0, error };
    }
    if (round.error !== undefined) {
      state.failures += 1;
      const pauseMs = backoffMs(state.failures, pollIntervalMs, options.maxBackoffMs);
      logger.warn(
        {
          err: round.error,
          published: round.published,
          failures: state.failures,
          pauseMs,
        },
        'outbox relay round failed; unsent rows stay for the next round',
      );
      await state.stopping.wait(pauseMs);
      continue;
    }
    state.failures = 0;
    if (round.claimed < batchSize) await state.nudge.wait(pollIntervalMs);
  }
}
