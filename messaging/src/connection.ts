import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import {
  AuthorizationError,
  credsAuthenticator,
  type ConnectionOptions,
  type NatsConnection,
  type Status,
} from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { MessagingError } from './errors';
import { whileClusterForms, type ClusterFormingOptions } from './whileClusterForms';

/** How the platform proves who it is to NATS: one of these, or nothing. */
export type NatsAuth =
  | { user: string; password: string }
  | { token: string }
  /** The contents of a `.creds` file (user JWT and NKey seed), for decentralised accounts. */
  | { creds: Uint8Array };

/** TLS toward NATS; an empty object asks for TLS with the system's CAs. */
export interface NatsTls {
  /** The CA that signed the servers' certificates (PEM file). */
  caFile?: string;
  /** A client certificate and its key (PEM files), for servers that verify clients. */
  certFile?: string;
  keyFile?: string;
}

/** NATS refused the credentials: retrying would not help, so the connection gives up. */
export class NatsAuthError extends MessagingError {
  override name = 'NatsAuthError';

  constructor(message: string, options?: { cause?: unknown }) {
    super('NATS_AUTH_FAILED', message, options);
  }
}

/** Options of {@link connectNats}. */
export interface NatsOptions {
  /**
   * `host:port` or `nats://host:port`, one or several (a cluster). A URL may carry a user
   * and password, `nats://user:password@host:4222`, which the client then signs in with.
   */
  servers: string | string[];
  /** The client name shown by the server's monitoring, e.g. the subgraph. */
  name: string;
  /** Keep trying when no server answers at start instead of failing (default true). */
  waitOnFirstConnect?: boolean;
  /** Pause between reconnect attempts (default 1 s). */
  reconnectTimeWaitMs?: number;
  /** Timeout of JetStream API calls and publish acks (default 5 s). */
  timeoutMs?: number;
  /** Credentials (default: none). */
  auth?: NatsAuth;
  /** TLS (default: only if the server requires it). */
  tls?: NatsTls;
  /** How long to wait for a JetStream cluster that is still forming (see whileClusterForms). */
  clusterForming?: ClusterFormingOptions;
}

/** A NATS connection with its JetStream client and manager. */
export interface NatsClients {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/**
 * The servers without the user and password a URL carries, and those as the client's
 * sign-in: the NATS client takes credentials only as options, and a URL is the one
 * setting (NATS_URL) a deployment keeps in its secrets. Percent-escapes are decoded, so a
 * password may hold `@` or `:` written as `%40` and `%3A`.
 */
export function signInOf(servers: string | string[]): {
  servers: string[];
  user?: string;
  pass?: string;
} {
  let user: string | undefined;
  let pass: string | undefined;
  const bare = (Array.isArray(servers) ? servers : [servers]).map((server) => {
    const match = /^([a-z]+:\/\/)([^@/]*)@(.*)$/i.exec(server);
    if (!match) return server;
    const colon = match[2].indexOf(':');
    const [name, password] =
      colon < 0 ? [match[2], ''] : [match[2].slice(0, colon), match[2].slice(colon + 1)];
    user = decodeURIComponent(name);
    pass = decodeURIComponent(password);
    return `${match[1]}${match[3]}`;
  });
  return { servers: bare, ...(user === undefined ? {} : { user, pass }) };
}

/**
 * Connects to NATS and never gives up reconnecting: a server restart or a network cut
 * pauses publishing and consuming, it does not end them.
 */
export async function connectNats(options: NatsOptions): Promise<NatsClients> {
  const nc = await connect({
    ...signInOf(options.servers),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 1000,
    waitOnFirstConnect: options.waitOnFirstConnect ?? true,
    // Without it the client builds two errors with stacks for every request and publish ack,
    // used only if one fails: 3 % of a consumer's CPU in a catch-up.
    noAsyncTraces: true,
    ...authOptions(options.auth),
    ...(options.tls && { tls: options.tls }),
  }).catch((error: unknown) => {
    throw error instanceof AuthorizationError ? authFailed(options, error) : error;
  });
  const jsOptions = { timeout: options.timeoutMs ?? 5000 };
  try {
    const jsm = await whileClusterForms(
      () => jetstreamManager(nc, jsOptions),
      options.clusterForming,
    );
    return { nc, js: jetstream(nc, jsOptions), jsm };
  } catch (error) {
    // JetStream is not enabled on the server: do not leave a connection behind.
    await nc.close();
    throw error;
  }
}

function authOptions(auth: NatsAuth | undefined): Partial<ConnectionOptions> {
  if (!auth) return {};
  if ('creds' in auth) return { authenticator: credsAuthenticator(auth.creds) };
  if ('token' in auth) return { token: auth.token };
  return { user: auth.user, pass: auth.password };
}

/** The client gives up after the server refuses the same credentials twice: say so plainly. */
function authFailed(options: NatsOptions, cause: AuthorizationError): NatsAuthError {
  // Without the password a URL may carry: this message goes to the log.
  const servers = signInOf(options.servers).servers.join(', ');
  const used = !options.auth
    ? 'no credentials were given'
    : 'creds' in options.auth
      ? 'the creds file was refused'
      : 'token' in options.auth
        ? 'the token was refused'
        : `user "${options.auth.user}" and its password were refused`;
  return new NatsAuthError(
    `NATS authentication failed at ${servers} (${cause.message}): ${used}.`,
    { cause },
  );
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
