import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';

/** Options of {@link connectNats}. */
export interface NatsOptions {
  /** `host:port` or `nats://host:port`, one or several (a cluster). */
  servers: string | string[];
  /** The client name shown by the server's monitoring, e.g. the subgraph. */
  name: string;
  /** Keep trying when no server answers at start instead of failing (default true). */
  waitOnFirstConnect?: boolean;
  /** Pause between reconnect attempts (default 1 s). */
  reconnectTimeWaitMs?: number;
  /** Timeout of JetStream API calls and publish acks (default 5 s). */
  timeoutMs?: number;
}

/** A NATS connection with its JetStream client and manager. */
export interface NatsClients {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/**
 * Connects to NATS and never gives up reconnecting: a server restart or a network cut
 * pauses publishing and consuming, it does not end them.
 */
export async function connectNats(options: NatsOptions): Promise<NatsClients> {
  const nc = await connect({
    servers: options.servers,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 1000,
    waitOnFirstConnect: options.waitOnFirstConnect ?? true,
  });
  const jsOptions = { timeout: options.timeoutMs ?? 5000 };
  try {
    const jsm = await jetstreamManager(nc, jsOptions);
    return { nc, js: jetstream(nc, jsOptions), jsm };
  } catch (error) {
    // JetStream is not enabled on the server: do not leave a connection behind.
    await nc.close();
    throw error;
  }
}
