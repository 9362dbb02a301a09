import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection, Status } from '@nats-io/nats-core';
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

/**
 * Calls `listener` each time the connection is re-established after a loss, until the
 * returned function is called or the connection closes.
 */
export function onReconnect(nc: NatsConnection, listener: () => void): () => void {
  const statuses = nc.status() as AsyncIterable<Status> & { stop(): void };
  void (async () => {
    for await (const status of statuses) if (status.type === 'reconnect') listener();
  })();
  return () => statuses.stop();
}

/**
 * Drains the connection (pending publishes and acks are flushed), but waits at most
 * `timeoutMs`: with the server down a drain never completes, and a shutdown must not hang
 * on it. Whatever is left is closed.
 */
export async function closeNats(nc: NatsConnection, timeoutMs = 2000): Promise<void> {
  if (nc.isClosed()) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([nc.drain().catch(() => undefined), late]);
  clearTimeout(timer);
  if (!nc.isClosed()) await nc.close().catch(() => undefined);
}
