import type { StaticSiteOptions, SubscriptionLimits } from '../gateway/src';
import { closeNats, connectNats, type Namespace } from '../messaging';
import { createTestNamespace, deleteStreams } from '../messaging/testing';
import { loadConfig, type Logger, type Role, type SubgraphModule } from '../runtime';
import { createPlatform, type Platform } from '../platform/src/createPlatform';
import { composeSupergraph } from '../schema/src/composeSupergraph';
import { createTestDatabase, type TestDatabase } from './database';

export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

export interface Caller {
  role: Role;
  sub?: string;
  scopes?: string[];
}

export interface GraphQLResult<D = Record<string, any>> {
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  status: number;
}

export interface TestPlatform {
  platform: Platform;
  /** The suite's own stream and subject names on the shared NATS. */
  namespace: Namespace;
  url: string;
  db: TestDatabase;
  token(caller: Caller): Promise<string>;
  /** Sends one operation to the gateway over HTTP, as a client would. */
  graphql<D = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller | null,
    extraHeaders?: Record<string, string>,
  ): Promise<GraphQLResult<D>>;
  stop(): Promise<void>;
}

export interface TestPlatformOptions {
  modules?: readonly SubgraphModule<never>[];
  /** Serve only these subgraphs, on a supergraph composed of them alone. */
  only?: readonly SubgraphModule<any>[];
  natsUrl?: string;
  /** Supergraph to serve (default: the committed one); compose it for modules not listed yet. */
  supergraphSdl?: string;
  /** Bounds on the gateway's subscription clients. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** Configuration variables beyond the test defaults (rate limits, `NODE_ENV`). */
  env?: Record<string, string>;
  /** Where the platform logs (default: nowhere). */
  logger?: Logger;
  /** A built web app to serve at `/` (see test-support/browser.ts). */
  site?: StaticSiteOptions;
  /** The gateway's port (default: any free one), for settings that name the platform's URL. */
  port?: number;
  /** A database the suite has filled beforehand (default: a new one); `stop` drops it too. */
  database?: TestDatabase;
}

/**
 * The whole platform for one test suite: its own databases, its own streams,
 * the real gateway on a free port, the real NATS. `stop` removes all of it.
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const db = options.database ?? (await createTestDatabase());
  const namespace = createTestNamespace();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'silent',
    ...(db.url && { DATABASE_URL: db.url }),
    // Suites send far more from one token and one address than a person would.
    RATE_LIMIT_REQUESTS: '1000000',
    RATE_LIMIT_COST: '1000000000',
    RATE_LIMIT_ADDRESS_REQUESTS: '1000000',
    RATE_LIMIT_ADDRESS_COST: '1000000000',
    ...options.env,
  });
  const natsUrl = options.natsUrl ?? TEST_NATS_URL;
  const platform = await createPlatform({
    config,
    natsUrl,
    namespace,
    modules: (options.only as readonly SubgraphModule<never>[] | undefined) ?? options.modules,
    supergraphSdl: options.only ? composeSupergraph([...options.only]) : options.supergraphSdl,
    subscriptionLimits: options.subscriptionLimits,
    database: db.target,
    logger: options.logger,
    site: options.site,
  });
  const port = await platform.listen(options.port ?? 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const token = (caller: Caller) => platform.issueToken(caller);

  return {
    platform,
    namespace,
    url,
    db,
    token,
    async graphql(query, variables, caller = { role: 'ADMIN' }, extraHeaders = {}) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...extraHeaders,
      };
      if (caller) headers.authorization = `Bearer ${await token(caller)}`;
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { ...((await response.json()) as object), status: response.status };
    },
    async stop() {
      await platform.stop();
      // A test may leave its own NATS server stopped; then there is no stream to delete.
      const nats = await connectNats({
        servers: natsUrl,
        name: 'test-cleanup',
        waitOnFirstConnect: false,
      }).catch(() => undefined);
      if (nats) {
        await deleteStreams(nats.jsm, namespace);
        await closeNats(nats.nc);
      }
      await db.drop();
    },
  };
}
