import type { BatchHandlerContext, EventEnvelope, HandlerContext } from '../types';

/** A handler's one-event path, as `handleEachInBatch` takes it. */
export type HandleOne<E extends EventEnvelope, D> = (
  event: E,
  ctx: HandlerContext<D>,
) => Promise<void>;

/**
 * A batch path for a handler with no set-wise one: `handle` on each event in turn, inside the
 * batch's transaction. Its effect is `handle`'s by construction; what it saves is a
 * transaction, an inbox claim and a commit per event, which is most of a small event's cost.
 *
 * After each event the unit of work is flushed and emptied, so every event starts, as one
 * alone would, with no entity held over from the last: a raw statement of one event is seen
 * by the next, and flushes stay as small as one event's.
 */
export function handleEachInBatch<E extends EventEnvelope, D>(
  handle: HandleOne<E, D>,
): (events: E[], ctx: BatchHandlerContext<D>) => Promise<void> {
  return async (events, { em, emit }) => {
    for (const event of events) {
      await handle(event, { em, emit: (draft) => emit(event, draft) });
      await em.flush();
      em.clear();
    }
  };
}
