import type { MikroORM } from '@mikro-orm/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { eventsStream } from './envelope';
import { OutboxPublishError } from './errors';
import { OutboxEntry } from './outbox';
import type { Namespace } from './types';

/** Options of {@link republishOutbox}. */
export interface RepublishOptions {
  /** The producer's database, whose published outbox rows are sent again. */
  orm: MikroORM;
  js: JetStreamClient;
  /** The namespace whose events stream the rows go to (the publish asserts it). */
  namespace: Namespace;
  /** Rows first published at or after this instant… */
  from: Date;
  /** …and before this one. */
  to: Date;
  /** Rows read per query (default 500). */
  batchSize?: number;
  /** How long to wait for JetStream's ack of one publish (default 5 s). */
  publishTimeoutMs?: number;
  /** Called after each batch with the running totals. */
  onProgress?(result: RepublishResult): void;
}

/** What a republish came to. */
export interface RepublishResult {
  /** Rows of the range published again. */
  published: number;
  /** Of those, how many the stream still remembered and dropped (its duplicate window). */
  duplicates: number;
}

/**
 * Publishes again the outbox rows first published in [from, to), in their original order and
 * with their original msgID (the event id). JetStream drops those still in its duplicate
 * window; every consumer's inbox, keyed by consumer and event id, drops the rest it has
 * applied before, so a republish only fills in what a consumer never received. Stops at the
 * first failed publish with an OutboxPublishError; running it again is safe.
 */
export async function republishOutbox(options: RepublishOptions): Promise<RepublishResult> {
  const { orm, js, from, to } = options;
  const batchSize = options.batchSize ?? 500;
  const streamName = eventsStream(options.namespace);
  const result: RepublishResult = { published: 0, duplicates: 0 };
  let after: Pick<OutboxEntry, 'createdAt' | 'id'> | undefined;
  for (;;) {
    const rows = await orm.em.fork().find(
      OutboxEntry,
      {
        sentAt: { $gte: from, $lt: to },
        ...(after && {
          $or: [
            { createdAt: { $gt: after.createdAt } },
            { createdAt: after.createdAt, id: { $gt: after.id } },
          ],
        }),
      },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: batchSize },
    );
    for (const row of rows) {
      try {
        const ack = await js.publish(row.subject, row.payload, {
          msgID: row.id,
          timeout: options.publishTimeoutMs ?? 5000,
          expect: { streamName },
        });
        result.published += 1;
        if (ack.duplicate) result.duplicates += 1;
      } catch (cause) {
        throw new OutboxPublishError(
          `Republished ${result.published} events, then event ${row.id} failed; run it again.`,
          { cause },
        );
      }
    }
    options.onProgress?.({ ...result });
    if (rows.length < batchSize) return result;
    after = rows[rows.length - 1];
  }
}
