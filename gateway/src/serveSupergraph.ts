/**
 * Serves any supergraph with this gateway, as its own process:
 *
 *   SUPERGRAPH=path/to/supergraph.graphql PORT=4002 node --import tsx gateway/src/serveSupergraph.ts
 *
 * Subgraphs are called at their supergraph URLs, or at `SUBGRAPH_URL_<NAME>`.
 * Tokens are verified against `JWKS_URL` (with `JWT_ISSUER`, `JWT_AUDIENCE`,
 * `JWT_ALGORITHMS`); `GATEWAY_AUTH=off` serves without them, e.g. for a
 * benchmark workload. Limits default to the gateway's and can be set with
 * `GATEWAY_MAX_DEPTH`, `GATEWAY_MAX_ALIASES`, `GATEWAY_MAX_TOKENS`,
 * `GATEWAY_MAX_COST`, `GATEWAY_MAX_DIRECTIVES`, `GATEWAY_MAX_BODY_BYTES`,
 * `GATEWAY_DEFAULT_LIST_SIZE`; the per-identity cap (the client's address when auth
 * is off) with `GATEWAY_MAX_CONCURRENT_PER_IDENTITY` and `GATEWAY_QUEUE_PER_IDENTITY`.
 * With `GATEWAY_ASSERTION_KEY_FILE` every subgraph call carries the gateway's
 * signed assertion (docs/gateway-trust.md). The policy toward subgraphs
 * (`SUBGRAPH_TIMEOUT_MS`, `SUBGRAPH_MAX_CONCURRENCY`, ...) and the rest of the
 * configuration are `loadConfig`'s.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ConfigError,
  createGatewayAssertionSigner,
  createLogger,
  createTokenVerifier,
  loadConfig,
  metricsEndpointOf,
  type OperationLimits,
  readPrivateJwk,
  subgraphOptionsOf,
} from '../../runtime/edge';
import { createGateway } from './createGateway';

const LIMIT_VARIABLES: Record<string, keyof OperationLimits> = {
  GATEWAY_MAX_DEPTH: 'maxDepth',
  GATEWAY_MAX_ALIASES: 'maxAliases',
  GATEWAY_MAX_TOKENS: 'maxTokens',
  GATEWAY_MAX_COST: 'maxCost',
  GATEWAY_MAX_DIRECTIVES: 'maxDirectives',
  GATEWAY_MAX_VARIABLE_DEPTH: 'maxVariableDepth',
  GATEWAY_MAX_BODY_BYTES: 'maxBodyBytes',
  GATEWAY_DEFAULT_LIST_SIZE: 'defaultListSize',
};

function readLimits(): OperationLimits {
  const limits: OperationLimits = {};
  for (const [variable, limit] of Object.entries(LIMIT_VARIABLES)) {
    const text = process.env[variable];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) {
      throw new ConfigError(`Invalid configuration: ${variable}: must be a positive integer`);
    }
    limits[limit] = value;
  }
  return limits;
}

function readSupergraph(): string {
  const file = process.env.SUPERGRAPH;
  if (!file)
    throw new ConfigError(
      'Invalid configuration: SUPERGRAPH: the supergraph file to serve is required',
    );
  try {
    return fs.readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    throw new ConfigError(`Invalid configuration: SUPERGRAPH: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const authOff = process.env.GATEWAY_AUTH === 'off';
  if (!authOff && !config.JWKS_URL) {
    throw new ConfigError('Invalid configuration: JWKS_URL is required unless GATEWAY_AUTH=off');
  }
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'gateway' });
  const gateway = createGateway({
    supergraphSdl: readSupergraph(),
    subgraphs: Object.fromEntries(
      Object.entries(config.subgraphUrls).map(([name, url]) => [name, { url }]),
    ),
    auth: authOff ? 'off' : 'required',
    verifier: config.JWKS_URL
      ? createTokenVerifier({
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          algorithms: config.JWT_ALGORITHMS,
          maxLifetimeSeconds: config.JWT_MAX_TTL_SECONDS,
          jwksUrl: config.JWKS_URL,
        })
      : undefined,
    subgraphAssertion: config.GATEWAY_ASSERTION_KEY_FILE
      ? createGatewayAssertionSigner({ key: readPrivateJwk(config.GATEWAY_ASSERTION_KEY_FILE) })
      : undefined,
    introspection: config.INTROSPECTION_OPEN ? 'open' : 'restricted',
    limits: readLimits(),
    metricsEndpoint: metricsEndpointOf(config),
    shareInflight: config.GATEWAY_SHARE_INFLIGHT,
    mergeEntityFetches: config.GATEWAY_MERGE_FETCHES,
    concurrency: {
      maxPerIdentity: config.GATEWAY_MAX_CONCURRENT_PER_IDENTITY,
      queuePerIdentity: config.GATEWAY_QUEUE_PER_IDENTITY,
    },
    ...subgraphOptionsOf(config),
    logger,
  });
  const port = await gateway.listen(config.PORT, config.HOST);
  logger.info({ port, auth: authOff ? 'off' : 'required' }, 'gateway listening');

  const shutdown = () => {
    void gateway.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
