import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { InboxEntry } from '../inbox';

/** Another transaction claimed one of the batch's events meanwhile: apply them one at a time. */
export class InboxRaceError extends Error {
  override name = 'InboxRaceError';
}

/**
 * Adds the inbox rows `(consumer, id)` of a batch in `em`'s transaction and answers the ids
 * that were not there before, i.e. the events new to the consumer. A row another transaction
 * added after the look-up makes it throw {@link InboxRaceError}: the batch then rolls back and
 * each event goes through {@link claimInbox}, which waits that race out.
 */
export async function claimInboxRows(
  em: EntityManager,
  consumer: string,
  eventIds: string[],
): Promise<Set<string>> {
  const ids = [...new Set(eventIds)];
  const known = await em.find(
    InboxEntry,
    { consumer, eventId: { $in: ids } },
    { fields: ['eventId'], disableIdentityMap: true },
  );
  const taken = new Set(known.map((row) => row.eventId));
  const fresh = ids.filter((id) => !taken.has(id));
  if (fresh.length === 0) return new Set();
  const processedAt = new Date();
  const claim = await (em as SqlEntityManager)
    .createQueryBuilder(InboxEntry)
    .insert(fresh.map((eventId) => ({ consumer, eventId, processedAt })))
    .onConflict(['consumer', 'eventId'])
    .ignore()
    .execute('run');
  if (claim.affectedRows !== fresh.length) throw new InboxRaceError('inbox row claimed meanwhile');
  return new Set(fresh);
}
