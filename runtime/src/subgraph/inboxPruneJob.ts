import type { EntityManager } from '@mikro-orm/knex';
import { type CataloguedJob, pruneInbox } from '../../../messaging';
import { intervalJob } from '../intervalJob';

/** Options of {@link inboxPruneJob}. */
export interface InboxPruneJobOptions {
  subgraph: string;
  /** The subgraph's event consumers, `<subgraph>_<handler>`. */
  consumers: readonly string[];
  /** How long after an event was made its inbox rows stay. */
  keepMs: number;
  now?: () => Date;
}

/** Rows one run deletes at most: the run stays a short transaction; the next goes on. */
export const INBOX_ROWS_PER_RUN = 5000;
const EVERY_MS = 10 * 60_000;

/**
 * Deletes, every ten minutes, the inbox rows of events made more than `keepMs` ago: no copy
 * of them can come again once the stream and the producers' outboxes have let them go.
 */
export function inboxPruneJob(options: InboxPruneJobOptions): CataloguedJob {
  return intervalJob({
    name: `${options.subgraph}.pruneInbox`,
    intervalMs: EVERY_MS,
    now: options.now ?? (() => new Date()),
    work: (em, at) =>
      pruneInbox(
        em as EntityManager,
        options.consumers,
        new Date(at.getTime() - options.keepMs),
        INBOX_ROWS_PER_RUN,
      ),
  });
}
