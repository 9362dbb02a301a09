import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { isPostgres } from '../dialect';
import { InboxEntry } from '../inbox';
import { insertNewRowsReturning } from '../insertRows';

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
  if (isPostgres(em)) {
    // One statement, an array per column, whatever the batch's size.
    const added = await insertNewRowsReturning(em, InboxEntry, rows, 'eventId');
    return new Set(added.map((row) => row.eventId));
  }
  const claimed = new Set<string>();
  // A hundred rows a statement: knex writes SQLite's as a compound SELECT, limited to 500.
  for (let at = 0; at < rows.length; at += ROWS_PER_CLAIM) {
    const added: Pick<InboxEntry, 'eventId'>[] = await (em as SqlEntityManager)
      .createQueryBuilder(InboxEntry)
      .insert(rows.slice(at, at + ROWS_PER_CLAIM))
      .onConflict(['consumer', 'eventId'])
      .ignore()
      .returning(['eventId'])
      .execute('all');
    for (const row of added) claimed.add(row.eventId);
  }
  return claimed;
}

const ROWS_PER_CLAIM = 100;
