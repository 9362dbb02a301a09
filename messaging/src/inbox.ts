import { DateTimeType, EntitySchema } from '@mikro-orm/core';

/** Proof that a consumer has applied an event; written in the same transaction as the effect. */
export interface InboxEntry {
  /** The durable consumer, `<subgraph>_<handler>`. */
  consumer: string;
  eventId: string;
  processedAt: Date;
}

/** The `inbox` table; add it to the entities of every subgraph that consumes events. */
export const InboxEntry = new EntitySchema<InboxEntry>({
  name: 'InboxEntry',
  tableName: 'inbox',
  properties: {
    // The composite key makes a second effect of the same event fail at commit.
    consumer: { type: 'string', length: 100, primary: true },
    eventId: { type: 'string', length: 36, primary: true },
    processedAt: { type: DateTimeType },
  },
});
