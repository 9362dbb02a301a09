import type { EntityManager } from '@mikro-orm/knex';
import { InboxEntry } from './inbox';

/**
 * The smallest event id (UUIDv7, lower case) of an event made at `at` or later: a UUIDv7
 * starts with its creation time in milliseconds, so ids sort as their events were made.
 */
export function firstEventIdAt(at: Date): string {
  const hex = Math.max(0, at.getTime()).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * Deletes the inbox rows of `consumers` for events made before `before`, at most `limit` in
 * all, and returns how many went. Each consumer's rows are read by the table's key (consumer,
 * event id), so a run costs what it deletes, not the size of the table.
 */
export async function pruneInbox(
  em: EntityManager,
  consumers: readonly string[],
  before: Date,
  limit: number,
): Promise<number> {
  const bound = firstEventIdAt(before);
  let deleted = 0;
  for (const consumer of consumers) {
    if (deleted >= limit) break;
    const old = await em.find(
      InboxEntry,
      { consumer, eventId: { $lt: bound } },
      { fields: ['eventId'], orderBy: { eventId: 'asc' }, limit: limit - deleted },
    );
    if (old.length === 0) continue;
    deleted += await em.nativeDelete(InboxEntry, {
      consumer,
      eventId: { $in: old.map((row) => row.eventId) },
    });
  }
  return deleted;
}
