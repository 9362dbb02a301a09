import {
  createEventConsumer,
  createOutboxRelay,
  type EventConsumer,
  type EventConsumerOptions,
  type OutboxRelay,
  type OutboxRelayOptions,
} from '../..';
import type { TestDb } from './database';
import { quietLogger, type TestNats } from './nats';

/** The connection and namespace the test's workers use. */
type WorkerNats = Pick<TestNats, 'js' | 'jsm' | 'ns'>;

/** A relay of the suite's database to its namespace, logging nothing; `options` override. */
export const testRelay = (
  database: TestDb,
  nats: WorkerNats,
  options: Partial<OutboxRelayOptions> = {},
): OutboxRelay =>
  createOutboxRelay({
    orm: database.orm,
    js: nats.js,
    namespace: nats.ns,
    logger: quietLogger,
    ...options,
  });

/** A consumer of subgraph `test` on the suite's database and namespace, logging nothing. */
export const testConsumer = (
  database: TestDb,
  nats: WorkerNats,
  options: Pick<EventConsumerOptions, 'handler'> & Partial<EventConsumerOptions>,
): EventConsumer =>
  createEventConsumer({
    orm: database.orm,
    js: nats.js,
    jsm: nats.jsm,
    namespace: nats.ns,
    subgraph: 'test',
    logger: quietLogger,
    ...options,
  });
