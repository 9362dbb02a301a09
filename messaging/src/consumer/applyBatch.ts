import { createEvent } from '../envelope';
import { recordEvent, withEventBatch } from '../outbox';
import { inBatchSpan } from '../traceSpans';
import type { EventEnvelope, EventHandlerDefinition } from '../types';
import { claimInboxRows } from './claimInboxRows';
import type { EventApplierOptions, Outcome } from './createEventApplier';
import { followUpMeta } from './followUpMeta';

type BatchHandler = Required<Pick<EventHandlerDefinition, 'handleBatch'>>['handleBatch'];

/**
 * Applies events through the handler's `handleBatch` in one transaction: inbox rows, effects
 * and follow-up events commit together, or nothing does. An event the consumer has had before,
 * or that stands earlier in the same batch, is a duplicate and does not reach the handler.
 */
export function applyBatch(
  options: EventApplierOptions,
  handleBatch: BatchHandler,
  events: EventEnvelope[],
): Promise<Outcome[]> {
  const { catalogue, namespace: ns } = options;
  const attributes = {
    'messaging.system': 'nats',
    'messaging.operation.type': 'process',
    'messaging.batch.message_count': events.length,
    'messaging.consumer.group.name': options.consumer,
  };
  const traceparents = events.map((event) => event.traceparent);
  return inBatchSpan('process batch', traceparents, attributes, () =>
    options.orm.em.fork().transactional(async (em) => {
      const claimed = await claimInboxRows(
        em,
        options.consumer,
        events.map((e) => e.id),
      );
      // Only the first of two copies of an event in the batch is new.
      const isFresh = events.map((event) => claimed.delete(event.id));
      const fresh = events.filter((_, index) => isFresh[index]);
      const emitted = new Map<string, number>();
      // A batch's follow-up events go in together as plain rows, at its end.
      if (fresh.length > 0) {
        await withEventBatch(em, () =>
          handleBatch(
            fresh.map((event) => catalogue.asCurrent(event)),
            {
              em,
              emit(cause, draft) {
                const meta = followUpMeta(options.subgraph, cause, cause.traceparent);
                recordEvent(em, createEvent(draft, meta), ns, catalogue);
                emitted.set(cause.id, (emitted.get(cause.id) ?? 0) + 1);
              },
            },
          ),
        );
      }
      return events.map((event, index) => ({
        duplicate: !isFresh[index],
        emitted: isFresh[index] ? (emitted.get(event.id) ?? 0) : 0,
      }));
    }),
  );
}
