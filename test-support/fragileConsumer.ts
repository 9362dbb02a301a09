import { EntitySchema, type MikroORM } from '@mikro-orm/core';
import {
  createEvent,
  createEventConsumer,
  type EventConsumer,
  type EventEnvelope,
  InboxEntry,
  type Namespace,
  type NatsClients,
  OutboxEntry,
  subjectFor,
} from '../messaging';
import { createLogger, openDatabase } from '../runtime';
import { createTestDatabase, type TestDatabase } from './database';

/** One row per event the fragile handler applied; not unique, so a second effect shows. */
interface Applied {
  id?: number;
  eventId: string;
}

const Applied = new EntitySchema<Applied>({
  name: 'Applied',
  tableName: 'applied',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    eventId: { type: 'string', length: 36 },
  },
});

/** The event type the fragile consumer handles: audit alone consumes it in the platform. */
export const FRAGILE_TYPE = 'audit.retention.purged';
export const FRAGILE_CONSUMER = 'probe_fragile';

/** A consumer whose handler fails until `fix()`, on its own database. */
export interface FragileConsumer {
  consumer: EventConsumer;
  /** From now on the handler succeeds (true) or fails (false). */
  setFixed(fixed: boolean): void;
  /** Publishes an event the handler will fail on (until fixed). */
  publish(n: number): Promise<EventEnvelope>;
  /** How many times the handler applied `eventId` (or any event). */
  applied(eventId?: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * `probe_fragile`: a durable consumer of {@link FRAGILE_TYPE} that gives up after two
 * deliveries and answers replays, as every subgraph's consumers do.
 */
export async function startFragileConsumer(
  nats: NatsClients,
  namespace: Namespace,
): Promise<FragileConsumer> {
  const db: TestDatabase = await createTestDatabase();
  const orm: MikroORM = await openDatabase({
    target: db.target('probe'),
    entities: [OutboxEntry, InboxEntry, Applied],
  });
  let fixed = false;
  const consumer = createEventConsumer({
    orm,
    ...nats,
    namespace,
    subgraph: 'probe',
    logger: createLogger({ level: 'silent' }),
    retryDelaysMs: [20],
    handler: {
      name: 'fragile',
      types: [FRAGILE_TYPE],
      maxDeliver: 2,
      async handle(event, { em }) {
        // The platform's own retention job emits this type too: leave its events alone.
        if (!event.subject.startsWith('probe-')) return;
        if (!fixed) throw new Error(`purge ${String(event.data.purgedCount)} cannot be applied`);
        em.persist(em.create(Applied, { eventId: event.id }));
      },
    },
  });
  await consumer.start();
  return {
    consumer,
    setFixed: (value) => void (fixed = value),
    async publish(n) {
      const event = createEvent(
        {
          type: FRAGILE_TYPE,
          subject: `probe-${n}`,
          data: { purgedCount: n, before: '2020-01-01T00:00:00Z' },
        },
        { source: '/subgraphs/audit', correlationId: `probe-${n}` },
      );
      await nats.js.publish(subjectFor(FRAGILE_TYPE, namespace), JSON.stringify(event), {
        msgID: event.id,
      });
      return event;
    },
    applied: (eventId) => orm.em.fork().count(Applied, eventId ? { eventId } : {}),
    async stop() {
      await consumer.stop();
      await orm.close();
      await db.drop();
    },
  };
}
