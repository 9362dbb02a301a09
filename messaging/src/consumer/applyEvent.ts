import type { SqlEntityManager } from '@mikro-orm/knex';
import { inConsumerSpan } from '../traceSpans';
import { createEvent, subjectFor } from '../envelope';
import { recordEvent } from '../outbox';
import type { EventEnvelope } from '../types';
import { claimInbox } from './claimInbox';
import type { Applied, EventApplierOptions } from './createEventApplier';
import { followUpMeta } from './followUpMeta';

/**
 * Applies one event in a transaction of `fork`, in a CONSUMER span of its own that
 * continues the trace of the request or event that made it.
 */
export function applyEvent(
  options: EventApplierOptions,
  fork: SqlEntityManager,
  event: EventEnvelope,
): Promise<Applied> {
  const attributes = {
    'messaging.system': 'nats',
    'messaging.operation.type': 'process',
    'messaging.destination.name': subjectFor(event.type, options.namespace),
    'messaging.consumer.group.name': options.consumer,
    'messaging.message.id': event.id,
  };
  return inConsumerSpan(`process ${event.type}`, event.traceparent, attributes, (traceparent) =>
    fork.transactional((em) => applyWith(options, em, event, traceparent)),
  );
}

/**
 * Applies one event with `em`: inbox claim, effect and follow-up events, which carry
 * `traceparent` (the span of this application) so the trace goes on through them.
 */
async function applyWith(
  options: EventApplierOptions,
  em: SqlEntityManager,
  event: EventEnvelope,
  traceparent: string | undefined,
): Promise<Applied> {
  const { catalogue, namespace: ns } = options;
  if (!(await claimInbox(em, options.consumer, event.id))) return { duplicate: true, emitted: 0 };
  let emitted = 0;
  await options.handler.handle(catalogue.asCurrent(event), {
    em,
    emit(draft) {
      const meta = followUpMeta(options.subgraph, event, traceparent);
      recordEvent(em, createEvent(draft, meta), ns, catalogue);
      emitted += 1;
    },
  });
  return { duplicate: false, emitted };
}
