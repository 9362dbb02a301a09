import type { EventSubscriber, FlushEventArgs, MikroORM } from '@mikro-orm/core';
import { insertedOutboxRows, OutboxEntry } from '../../../messaging';

/** What the subscriber wakes: the outbox relay's nudge. */
export interface Wakeable {
  notify(): void;
}

/** Whether a flush added rows to the outbox. */
function addedOutboxRows({ uow }: FlushEventArgs): boolean {
  for (const changeSet of uow.getChangeSets()) {
    if (changeSet.type === 'create' && changeSet.meta.className === OutboxEntry.meta.className)
      return true;
  }
  return false;
}

/**
 * Wakes `relay` when a change that recorded events commits. Waking it after every commit made
 * each consumer's transaction cost an outbox query, though most record no event (audit's
 * never do): at 40 time entries a second, a fifth of all statements found nothing to send.
 *
 * Root transactions are counted, not told apart: while one that recorded events is open,
 * every commit wakes the relay, so none of them can be missed when transactions overlap.
 */
export function wakeRelayOnCommit(orm: MikroORM, relay: Wakeable): void {
  let open = 0;
  let recorded = false;
  const settle = () => {
    open = Math.max(0, open - 1);
    if (open === 0) recorded = false;
  };
  const subscriber: EventSubscriber = {
    afterTransactionStart: () => void open++,
    afterFlush(args) {
      if (!addedOutboxRows(args)) return;
      // A flush outside a transaction has committed already (in its own).
      if (args.em.isInTransaction()) recorded = true;
      else relay.notify();
    },
    afterTransactionCommit({ transaction }) {
      if (recorded || insertedOutboxRows(transaction)) relay.notify();
      settle();
    },
    afterTransactionRollback: settle,
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
}
