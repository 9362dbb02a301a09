import type { FormattedExecutionResult } from 'graphql';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Identity } from '../../../runtime/edge';
import type { SocketCaps } from './ws/createSocketGate';

/** One message of the events stream, as a subscription field sees it. */
export interface SubscriptionEvent {
  /** The stream sequence: the cursor a client passes back to resume after this event. */
  seq: number;
  /** The NATS subject it was published on. */
  subject: string;
  /** The message body, parsed as JSON (for example a CloudEvents envelope). */
  body: Record<string, unknown>;
}

/** Runs an operation through the gateway as the subscribing client. */
export type Probe = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<FormattedExecutionResult>;

/** Arguments of a subscription field, coerced against the schema. */
export type FieldArguments = Record<string, unknown>;

/** The root Query field that fetches the entity an event is about. */
export interface EntityLookup {
  /** The Query field, e.g. `notification`. */
  field: string;
  /** Its arguments and their GraphQL types, e.g. `{ id: 'ID!' }`. */
  arguments: Record<string, string>;
  /** The argument values for one event. */
  variables(event: SubscriptionEvent): Record<string, unknown>;
}

/** How the gateway serves one field of `Subscription` from the events stream. */
export interface SubscriptionField {
  /** The event type feeding it, or a NATS wildcard over types (`leave.request.*`). */
  events: string;
  /**
   * Checked once when a client subscribes; throw a GraphQLError (e.g. code FORBIDDEN) to
   * refuse. `probe` runs a query with the client's identity, so a subgraph can decide.
   */
  authorize?(args: FieldArguments, identity: Identity | null, probe: Probe): Promise<void>;
  /** Cheap in-memory filter: whether this event may concern this client. */
  matches(event: SubscriptionEvent, args: FieldArguments, identity: Identity | null): boolean;
  /**
   * Optional routing, so that an event is handed to the clients of its key alone rather than
   * to every client of its subject: with tens of thousands of clients, checking each one
   * against each event costs more than the rest of the delivery. `event` is the key an event
   * is for, `client` the key a client listens on; a client whose key is undefined hears
   * every event. `matches` still decides for each client an event reaches. Both are called
   * on their own, not as methods.
   */
  route?: {
    event(event: SubscriptionEvent): unknown;
    client(args: FieldArguments, identity: Identity | null): unknown;
  };
  /** How to fetch the payload; the client's selection set is run under this field. */
  lookup: EntityLookup;
}

/**
 * Bounds on what one client may hold. Sockets (see {@link SocketCaps}): 500 per address,
 * 50 per address and 1,000 in all not yet initialised, by default.
 */
export interface SubscriptionLimits extends SocketCaps {
  /** Subscriptions one graphql-ws connection may hold at once (default 50). */
  maxPerConnection: number;
  /** Time a socket has to send `connection_init` (default 10 s). */
  connectionInitTimeoutMs: number;
  /** Events waiting for one client before it is dropped as too slow (default 1000). */
  maxQueuedEvents: number;
  /** Bytes waiting in one socket's send buffer before it is dropped as too slow (default 1 MiB). */
  maxBufferedBytes: number;
  /**
   * Events of the field's type after a cursor that a resume may replay (default 10,000).
   * A cursor further back is refused: its client subscribes afresh and reads its list again.
   */
  maxReplayEvents: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = Object.freeze({
  maxPerConnection: 50,
  connectionInitTimeoutMs: 10_000,
  maxQueuedEvents: 1000,
  maxBufferedBytes: 1024 * 1024,
  // Everyone's events of the type pass through a replay, each read and matched against the
  // client: a cursor from the stream's start would cost the gateway the whole stream.
  maxReplayEvents: 10_000,
  // Hundreds of people may share an office's or a hospital's address, each with a socket
  // or two; one client has no use for more. A socket is initialised within moments of
  // opening, so a few dozen waiting per address covers a crowd reconnecting at once.
  maxSocketsPerAddress: 500,
  maxUninitialisedPerAddress: 50,
  maxUninitialised: 1000,
});

/** Subscriptions served by the gateway from a JetStream stream. */
export interface SubscriptionsOptions {
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** The stream holding the events. */
  stream: string;
  /** The NATS subject of an event type or type wildcard (adds a namespace prefix, say). */
  subject(events: string): string;
  /** The `Subscription` fields served, by name. */
  fields: Record<string, SubscriptionField>;
  limits?: Partial<SubscriptionLimits>;
}
