import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
} from 'cockatiel';
import { withDeadline, type Deadline } from './Deadline';
import { SubgraphUnavailableError, subgraphUnavailable } from './SubgraphUnavailableError';
import { withDefaults, type SubgraphPolicyOptions } from './SubgraphPolicyOptions';

export type CircuitStateName = 'closed' | 'half-open' | 'open';
export type RefusalReason = 'circuit_open' | 'at_capacity';

export interface SubgraphPolicyEvents {
  /** The breaker changed state. */
  onCircuitChange?(state: CircuitStateName): void;
  /** A call was refused without reaching the subgraph. */
  onRefused?(reason: RefusalReason): void;
}

/**
 * A call to a subgraph. When its `deadline` passes the call must settle at once
 * with a SubgraphUnavailableError, so the breaker counts it.
 */
export type SubgraphCall<T> = (deadline: Deadline) => Promise<T>;

export interface SubgraphPolicy {
  readonly subgraph: string;
  /** The breaker's state. */
  readonly circuit: CircuitStateName;
  /** Runs a call under the deadline, the cap and the breaker; a `read` may be retried. */
  execute<T>(call: SubgraphCall<T>, read: boolean): Promise<T>;
  /**
   * Runs a readiness probe: through the breaker (so a probe that succeeds closes an
   * open one), with its own deadline, outside the cap, never retried.
   */
  probe<T>(call: SubgraphCall<T>, timeoutMs: number): Promise<T>;
}

const STATE_NAMES: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

const timedOut = (subgraph: string, ms: number) =>
  new SubgraphUnavailableError(
    subgraph,
    'TIMEOUT',
    `The ${subgraph} subgraph did not answer within ${ms} ms.`,
  );

/**
 * Turns cockatiel's refusals into the client's error, told to `events` (readiness probes
 * give none, so they are not counted); other errors are thrown unchanged.
 */
function refusal(subgraph: string, error: unknown, events?: SubgraphPolicyEvents): never {
  if (error instanceof BrokenCircuitError) {
    events?.onRefused?.('circuit_open');
    throw new SubgraphUnavailableError(
      subgraph,
      'CIRCUIT_OPEN',
      `The ${subgraph} subgraph is unavailable; calls to it are paused.`,
    );
  }
  if (error instanceof BulkheadRejectedError) {
    events?.onRefused?.('at_capacity');
    throw new SubgraphUnavailableError(
      subgraph,
      'AT_CAPACITY',
      `The ${subgraph} subgraph is at capacity.`,
    );
  }
  throw error;
}

/** The breaker, opened by consecutive failures that leave the subgraph unavailable. */
function createBreaker(settings: Required<SubgraphPolicyOptions>, events: SubgraphPolicyEvents) {
  const breaker = circuitBreaker(
    handleWhen((error) => subgraphUnavailable(error) !== undefined),
    {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breakerThreshold),
    },
  );
  breaker.onStateChange((state) => events.onCircuitChange?.(STATE_NAMES[state]));
  return breaker;
}

/**
 * One subgraph's resilience policy: per attempt a deadline that covers the wait
 * for a slot, then the concurrency cap with its bounded queue, then the circuit
 * breaker; around them, retries for reads only. Cap, breaker and retries are
 * cockatiel's; the deadline is a timer (see `Deadline`).
 */
export function createSubgraphPolicy(
  subgraph: string,
  options: SubgraphPolicyOptions = {},
  events: SubgraphPolicyEvents = {},
): SubgraphPolicy {
  const settings = withDefaults(options);
  const breaker = createBreaker(settings, events);
  const cap = bulkhead(settings.maxConcurrency, settings.queue);
  const retries = retry(
    handleWhen((error) => subgraphUnavailable(error)?.safeToRetry === true),
    {
      maxAttempts: settings.retries,
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1_000 }),
    },
  );

  const throughBreaker = async <T>(call: SubgraphCall<T>, deadline: Deadline): Promise<T> => {
    // Its time ran out in the queue: the answer has gone already.
    if (deadline.expired) throw timedOut(subgraph, settings.timeoutMs);
    // Cockatiel lets calls wait for the one testing a half-open breaker; they are refused
    // instead, so no caller waits on a subgraph that may still be down.
    if (breaker.state === CircuitState.HalfOpen) throw new BrokenCircuitError();
    return breaker.execute(() => call(deadline));
  };
  // The breaker sits inside the cap, so a call that queued while the subgraph went
  // down is refused as it leaves the queue instead of waiting for its own timeout.
  const attempt = <T>(call: SubgraphCall<T>): Promise<T> =>
    withDeadline(
      settings.timeoutMs,
      (deadline) => cap.execute(() => throughBreaker(call, deadline)),
      () => timedOut(subgraph, settings.timeoutMs),
    );

  return {
    subgraph,
    get circuit() {
      return STATE_NAMES[breaker.state];
    },
    execute(call, read) {
      const run = read ? retries.execute(() => attempt(call)) : attempt(call);
      return run.catch((error: unknown) => refusal(subgraph, error, events));
    },
    probe(call, timeoutMs) {
      return withDeadline(
        timeoutMs,
        (deadline) => throughBreaker(call, deadline),
        () => timedOut(subgraph, timeoutMs),
      ).catch((error: unknown) => refusal(subgraph, error));
    },
  };
}
