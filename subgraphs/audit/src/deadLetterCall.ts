import { DeadLetterError } from '../../../messaging';
import type { SubgraphContext, SubgraphMessaging } from '../../../runtime';
import { AuditReason, auditErrors, consumerUnavailable } from './errors';

/** What messaging's dead-letter functions need: NATS, connected. */
type Clients = Required<SubgraphMessaging>;

const REASON_OF = {
  NOT_FOUND: AuditReason.DEAD_LETTER_NOT_FOUND,
  INPUT_INVALID: AuditReason.INVALID_PARAMETER,
  UNAVAILABLE: AuditReason.CONSUMER_UNAVAILABLE,
  REPLAY_FAILED: AuditReason.REPLAY_FAILED,
} as const;

/**
 * Runs a dead-letter operation on the runtime's NATS, turning its refusals into the audit
 * subgraph's errors; `field` places the field they name in the request (`input.`).
 */
export async function deadLetterCall<T>(
  ctx: SubgraphContext,
  field: string,
  work: (clients: Clients) => Promise<T>,
): Promise<T> {
  const messaging = ctx.messaging;
  if (!messaging?.nc) throw consumerUnavailable('NATS is not connected.');
  try {
    return await work({ ...messaging, nc: messaging.nc });
  } catch (error) {
    if (!(error instanceof DeadLetterError)) throw error;
    const named = error.field === undefined ? undefined : `${field}${error.field}`;
    throw auditErrors.error(REASON_OF[error.problem], error.message, { field: named });
  }
}
