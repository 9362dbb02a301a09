import { sourceFor } from '../envelope';
import type { EventEnvelope, EventMeta } from '../types';

/** The meta of an event a consumer emits because of `cause`: same chain, same actor. */
export function followUpMeta(
  subgraph: string,
  cause: EventEnvelope,
  traceparent: string | undefined,
): EventMeta {
  return {
    source: sourceFor(subgraph),
    correlationId: cause.correlationid,
    causationId: cause.id,
    actor: cause.actor,
    requestId: cause.requestid,
    traceparent,
  };
}
