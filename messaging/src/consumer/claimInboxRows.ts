import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { InboxEntry } from '../inbox';

/**
 * Adds the inbox rows `(consumer, id)` of a batch in `em`'s transaction and answers the ids
 * whose rows it added, i.e. the events new to the consumer, in one statement (`returning`).
 * A row another transaction is adding at the same moment makes the insert wait for that
 * transaction: its event is then new here only if the other rolled back.
 */
export async function claimInboxRows(
  em: EntityManager,
  consumer: string,
  eventIds: string[],
): Promise<Set<string>> {
  const processedAt = new Date();
  const rows = [...new Set(eventIds)].map((eventId) => ({ consumer, eventId, processedAt }));
  if (rows.length === 0) return new Set();
  const added: Pick<InboxEntry, 'eventId'>[] = await (em as SqlEntityManager)
    .createQueryBuilder(InboxEntry)
    .insert(rows)
    .onConflict(['consumer', 'eventId'])
    .ignore()
    .returning(['eventId'])
    .execute('all');
  return new Set(added.map((row) => row.eventId));
}
