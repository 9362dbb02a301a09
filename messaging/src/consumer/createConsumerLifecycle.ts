import type { Subscription } from '@nats-io/nats-core';
import { createWakeup } from '../wakeup';
import type { ConsumerState } from './consumerState';
import { PULL_EXPIRES_MS, type PullLoop } from './createPullLoop';

/** Options of {@link createConsumerLifecycle}. */
export interface ConsumerLifecycleOptions {
  state: ConsumerState;
  pulls: PullLoop;
  /** Creates or updates the durable consumer. */
  ensureDurable(): Promise<void>;
  /** Starts answering replay requests; absent when the consumer does not answer them. */
  listenForReplays?: () => Subscription;
}

/** Starting, stopping and resuming a consumer's pull loop (see {@link EventConsumer}). */
export interface ConsumerLifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
  resume(): void;
}

export function createConsumerLifecycle(options: ConsumerLifecycleOptions): ConsumerLifecycle {
  const { state, pulls, listenForReplays } = options;
  let loop: Promise<void> | undefined;
  let replays: Subscription | undefined;
  return {
    async start() {
      if (state.running) return;
      await options.ensureDurable();
      state.running = true;
      state.stopping = createWakeup();
      loop = pulls.run();
      if (listenForReplays && !replays) replays = listenForReplays();
    },
    async stop() {
      state.running = false;
      replays?.unsubscribe();
      replays = undefined;
      state.stopping.wake();
      // A pull in progress ends within PULL_EXPIRES_MS and what it brings is handed back;
      // one stalled by a lost connection is ended now.
      const pull = pulls.pullInProgress();
      const cutoff = setTimeout(() => pull?.stop(), PULL_EXPIRES_MS);
      await loop;
      clearTimeout(cutoff);
      loop = undefined;
    },
    resume() {
      pulls.resetFailures();
      state.stopping.wake();
    },
  };
}
