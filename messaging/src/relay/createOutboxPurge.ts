import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from '../logger';
import { OutboxEntry } from '../outbox';

/** Options of {@link createOutboxPurge}. */
export interface OutboxPurgeOptions {
  orm: MikroORM;
  /** How long a published row stays in the outbox. */
  keepSentMs: number;
  /** The least time between two purges. */
  purgeIntervalMs: number;
  logger: Logger;
}

/**
 * Deletes rows published long ago, so the table holds what is pending and recent only. Call
 * it as often as you like: it purges at most once per interval, and a failure is only logged.
 */
export function createOutboxPurge(options: OutboxPurgeOptions): () => Promise<void> {
  const { orm, keepSentMs, purgeIntervalMs, logger } = options;
  let lastPurge = 0;
  return async () => {
    if (Date.now() - lastPurge < purgeIntervalMs) return;
    lastPurge = Date.now();
    const cutoff = new Date(Date.now() - keepSentMs);
    try {
      const em = orm.em.fork({ freshEventManager: true });
      const purged = await em.nativeDelete(OutboxEntry, { sentAt: { $lt: cutoff } });
      if (purged > 0) logger.debug({ purged }, 'published outbox rows deleted');
    } catch (error) {
      logger.warn({ err: error }, 'outbox purge failed; it runs again later');
    }
  };
}
