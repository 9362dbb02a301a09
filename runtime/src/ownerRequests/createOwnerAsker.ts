import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Namespace } from '../../../messaging';
import {
  NoOwnerError,
  OwnerUnavailableError,
  isFailedAnswer,
  ownerSubject,
  type AskOwner,
} from './ownerRequest';

/** How one subgraph asks owners; every field has a default. */
export interface OwnerAskOptions {
  /**
   * Deadline of one attempt in milliseconds (default 3 s: an all-in-one process under
   * load can hold an answer that long; an owner that is not running fails at once).
   */
  timeoutMs?: number;
  /** Attempts after the first when an attempt fails (default 2). */
  retries?: number;
  /** Consecutive failed questions that open the breaker (default 5). */
  breakerThreshold?: number;
  /** How long the breaker stays open before one question may test the owner (default 5 s). */
  halfOpenAfterMs?: number;
}

const DEFAULTS: Required<OwnerAskOptions> = {
  timeoutMs: 3_000,
  retries: 2,
  breakerThreshold: 5,
  halfOpenAfterMs: 5_000,
};

/** An attempt that got no usable answer; counted by the breaker and retried. */
class NoAnswer extends Error {}

const ownerOf = (name: string) => name.split('.')[0] ?? name;

/**
 * Asks owners over NATS request/reply, one policy per question name: per attempt a
 * timeout, around it a circuit breaker, around both retries with backoff. Questions
 * asked again while the same one is in flight share its answer, so a burst of requests
 * about one person asks the owner once. Without a connection every question fails with
 * {@link NoOwnerError}.
 */
export function createOwnerAsker(
  nc: NatsConnection | undefined,
  namespace: Namespace,
  options: OwnerAskOptions = {},
): AskOwner {
  const settings = { ...DEFAULTS, ...options };
  const policies = new Map<string, IPolicy>();
  const inFlight = new Map<string, Promise<unknown>>();

  const policyFor = (name: string): IPolicy => {
    let policy = policies.get(name);
    if (!policy) {
      const breaker = circuitBreaker(
        handleWhen((e) => e instanceof NoAnswer),
        {
          halfOpenAfter: settings.halfOpenAfterMs,
          breaker: new ConsecutiveBreaker(settings.breakerThreshold),
        },
      );
      const retries = retry(
        handleWhen((e) => e instanceof NoAnswer),
        {
          maxAttempts: settings.retries,
          backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
        },
      );
      const deadline = timeout(settings.timeoutMs, TimeoutStrategy.Aggressive);
      policies.set(name, (policy = wrap(retries, breaker, deadline)));
    }
    return policy;
  };

  const attempt = async (connection: NatsConnection, subject: string, body: string) => {
    let answer: unknown;
    try {
      const reply = await connection.request(subject, body, { timeout: settings.timeoutMs });
      answer = reply.json();
    } catch (error) {
      throw new NoAnswer('The owner did not answer.', { cause: error });
    }
    if (isFailedAnswer(answer)) throw new NoAnswer('The owner could not answer.');
    return answer;
  };

  const ask = async (name: string, body: string): Promise<unknown> => {
    const owner = ownerOf(name);
    if (!nc) throw new NoOwnerError(`Without NATS the ${owner} service cannot be asked.`);
    const subject = ownerSubject(namespace, name);
    try {
      return await policyFor(name).execute(() => attempt(nc, subject, body));
    } catch (error) {
      const paused = error instanceof BrokenCircuitError;
      const known = paused || error instanceof NoAnswer || error instanceof TaskCancelledError;
      if (!known) throw error;
      const why = paused ? 'questions to it are paused' : 'it did not answer';
      throw new OwnerUnavailableError(
        owner,
        `The ${owner} service is unavailable (${why}).`,
        error,
      );
    }
  };

  return (name, question) => {
    const body = JSON.stringify(question);
    const key = `${name} ${body}`;
    let answer = inFlight.get(key);
    if (!answer) {
      answer = ask(name, body).finally(() => inFlight.delete(key));
      inFlight.set(key, answer);
    }
    return answer;
  };
}
