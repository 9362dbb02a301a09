import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { InboxEntry } from '../inbox';

/**
 * Adds the inbox row `(consumer, eventId)` in `em`'s transaction; false when it is there
 * already, i.e. the event was applied before. Claiming it first makes a concurrent copy of
 * the event wait for this transaction, then find the row taken.
 */
export async function claimInbox(
  em: EntityManager,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const claim = await (em as SqlEntityManager)
    .createQueryBuilder(InboxEntry)
    .insert({ consumer, eventId, processedAt: new Date() })
    .onConflict(['consumer', 'eventId'])
    .ignore()
    .execute('run');
  return claim.affectedRows !== 0;
}
