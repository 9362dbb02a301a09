import { AckPolicy, DeliverPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { EventCatalogue } from '../catalogue';
import { filterSubjectFor } from '../subjectFilter';
import type { EventHandlerDefinition, Namespace } from '../types';
import { addOrUpdateConsumer } from './addOrUpdateConsumer';

/** Options of {@link ensureEventDurable}. */
export interface EventDurableOptions {
  jsm: JetStreamManager;
  namespace: Namespace;
  /** The events stream. */
  stream: string;
  /** The durable's name, `<subgraph>_<handler>`. */
  name: string;
  subgraph: string;
  handler: EventHandlerDefinition;
  catalogue: EventCatalogue;
  ackWaitMs: number;
}

/** No limit: JetStream never drops an event for its deliveries (see ensureEventDurable). */
const UNLIMITED_DELIVERIES = -1;

/**
 * Creates or updates a handler's durable consumer on the events stream. Its deliveries are
 * not limited: every delivery counts against a limit, a message handed back unapplied (a
 * stop, a failed ack before it) too, and JetStream silently stops delivering a message that
 * reaches it. The consumer dead-letters a failing event itself at the handler's
 * `maxDeliver`-th delivery (createMessageSettler), so an event leaves the stream's pending
 * set only applied or dead-lettered.
 */
export function ensureEventDurable(options: EventDurableOptions): Promise<void> {
  const { name, handler, catalogue, namespace } = options;
  return addOrUpdateConsumer(options.jsm, options.stream, {
    durable_name: name,
    description: `${options.subgraph} handler ${handler.name}: ${handler.types.join(', ')}`,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(options.ackWaitMs),
    max_deliver: UNLIMITED_DELIVERIES,
    deliver_policy: DeliverPolicy.All,
    // A handler of a renamed type also reads the events published under its former names.
    filter_subject: filterSubjectFor(catalogue.withFormerNames(handler.types), namespace),
  });
}
