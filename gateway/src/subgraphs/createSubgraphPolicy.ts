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

/** How the gateway treats one subgraph; every field has a default. */
export interface SubgraphPolicyOptions {
  /** Deadline of one call in milliseconds, from the moment it asks for a slot (default 30 s). */
  timeoutMs?: number;
  /** Calls in flight at once (default 256). */
  maxConcurrency?: number;
  /** Calls waiting for a slot (default 256); beyond it a call is refused with UNAVAILABLE. */
  queue?: number;
  /**
   * Consecutive failed calls (timeouts, no connection, HTTP 502 to 504) that open the
   * breaker (default 5); while open, calls are refused at once with UNAVAILABLE.
   */
  breakerThreshold?: number;
  /** How long the breaker stays open before one call may test the subgraph (default 5 s). */
  halfOpenAfterMs?: number;
  /**
   * Retries of a read (never a mutation) whose request did not reach the subgraph or
   * that the subgraph answered with HTTP 503, with exponential backoff (default 2).
   */
  retries?: number;
}

export const DEFAULT_SUBGRAPH_POLICY: Readonly<Required<SubgraphPolicyOptions>> = {
  timeoutMs: 30_000,
  maxConcurrency: 256,
  queue: 256,
  breakerThreshold: 5,
  halfOpenAfterMs: 5_000,
  retries: 2,
};

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

/** `options` over the defaults, where a value left undefined keeps the default. */
export function withDefaults(...layers: SubgraphPolicyOptions[]): Required<SubgraphPolicyOptions> {
  const settings = { ...DEFAULT_SUBGRAPH_POLICY };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) settings[key as keyof SubgraphPolicyOptions] = value;
    }
  }
  return settings;
}

const STATE_NAMES: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

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
  const breaker = circuitBreaker(
    handleWhen((error) => subgraphUnavailable(error) !== undefined),
    {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breakerThreshold),
    },
  );
  breaker.onStateChange((state) => events.onCircuitChange?.(STATE_NAMES[state]));
  const cap = bulkhead(settings.maxConcurrency, settings.queue);
  const retries = retry(
    handleWhen((error) => subgraphUnavailable(error)?.safeToRetry === true),
    {
      maxAttempts: settings.retries,
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1_000 }),
    },
  );

  const timedOut = (ms: number) =>
    new SubgraphUnavailableError(
      subgraph,
      'TIMEOUT',
      `The ${subgraph} subgraph did not answer within ${ms} ms.`,
    );
  const throughBreaker = async <T>(call: SubgraphCall<T>, deadline: Deadline): Promise<T> => {
    // Its time ran out in the queue: the answer has gone already.
    if (deadline.expired) throw timedOut(settings.timeoutMs);
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
      () => timedOut(settings.timeoutMs),
    );

  /** Turns cockatiel's refusals into the client's error; `count` leaves readiness probes out. */
  const refused = (error: unknown, count = true): never => {
    if (error instanceof BrokenCircuitError) {
      if (count) events.onRefused?.('circuit_open');
      throw new SubgraphUnavailableError(
        subgraph,
        'CIRCUIT_OPEN',
        `The ${subgraph} subgraph is unavailable; calls to it are paused.`,
      );
    }
    if (error instanceof BulkheadRejectedError) {
      if (count) events.onRefused?.('at_capacity');
      throw new SubgraphUnavailableError(
        subgraph,
        'AT_CAPACITY',
        `The ${subgraph} subgraph is at capacity.`,
      );
    }
    throw error;
  };

  return {
    subgraph,
    get circuit() {
      return STATE_NAMES[breaker.state];
    },
    execute(call, read) {
      const run = read ? retries.execute(() => attempt(call)) : attempt(call);
      return run.catch((error: unknown) => refused(error));
    },
    probe(call, timeoutMs) {
      return withDeadline(
        timeoutMs,
        (deadline) => throughBreaker(call, deadline),
        () => timedOut(timeoutMs),
      ).catch((error: unknown) => refused(error, false));
    },
  };
}
