import { JetStreamApiError } from '@nats-io/jetstream';
import { TimeoutError } from '@nats-io/nats-core';
import { ConstantBackoff, handleWhen, retry } from 'cockatiel';

/**
 * What a JetStream cluster answers while its servers find each other and elect a meta
 * leader: no suitable peers yet (10005), temporarily unavailable (10008), cannot handle the
 * request (10009). A started cluster stops answering them within seconds.
 */
const FORMING_CODES: ReadonlySet<number> = new Set([10005, 10008, 10009]);

/** True for an answer, or a silence, that a forming JetStream cluster gives. */
export function isClusterForming(error: unknown): boolean {
  if (error instanceof JetStreamApiError) return FORMING_CODES.has(error.code);
  // Without a meta leader, a server leaves API requests unanswered. (No responder at all means
  // JetStream is off, which the client reports as JetStreamNotEnabled: that is not retried.)
  return error instanceof TimeoutError;
}

/** Options of {@link whileClusterForms}. */
export interface ClusterFormingOptions {
  /**
   * How long to keep asking while the cluster forms (default 3 minutes, compose's start
   * period); then the last error stands.
   */
  waitMs?: number;
  /** Pause between attempts (default 1 s). */
  pauseMs?: number;
  /** Told of each failed attempt that will be tried again, e.g. to log it. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `work`, and again while the JetStream cluster is still forming, for at most about
 * `waitMs`. Services of a new cluster start together with its servers (compose, Kubernetes),
 * so their first requests can arrive before the cluster has chosen its leader.
 */
export async function whileClusterForms<T>(
  work: () => Promise<T>,
  options: ClusterFormingOptions = {},
): Promise<T> {
  // Bounded by time, not attempts: an unanswered attempt itself lasts the request's timeout.
  // A minute was not always enough: a cluster starting beside a dozen services on two cores
  // had its leader and still refused three replicas for over a minute.
  const deadline = Date.now() + (options.waitMs ?? 180_000);
  const policy = retry(
    handleWhen((error) => isClusterForming(error) && Date.now() < deadline),
    { maxAttempts: Number.MAX_SAFE_INTEGER, backoff: new ConstantBackoff(options.pauseMs ?? 1000) },
  );
  policy.onRetry((reason) => {
    if ('error' in reason) options.onRetry?.(reason.error, reason.attempt);
  });
  return policy.execute(work);
}
