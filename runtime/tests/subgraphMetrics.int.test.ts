import crypto from 'node:crypto';
import type http from 'node:http';
import { register } from 'prom-client';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { createGatewayKeys } from '../../test-support/gatewayKeys';
import { createLocalIssuer, createTokenVerifier } from '../src/auth';
import { createCipher } from '../src/cipher';
import { loadConfig } from '../src/config';
import { close, listen } from '../src/http/createHttpServer';
import { createMetricsServer, metricsEndpointOf } from '../src/http/metricsEndpoint';
import { createLogger } from '../src/logger';
import { createSubgraphRuntime, type SubgraphRuntime } from '../src/subgraph/createSubgraphRuntime';
import { pingSubgraph as ping } from './support/pingSubgraph';

// A subgraph's own HTTP server (distributed mode) in production settings: /metrics is on
// METRICS_PORT, or behind METRICS_TOKEN, never open on the public listener.

describe("a subgraph's own server", () => {
  let db: TestDatabase;
  let runtime: SubgraphRuntime | undefined;
  const servers: http.Server[] = [];

  async function serve(env: Record<string, string>) {
    const endpoint = metricsEndpointOf(loadConfig({ NODE_ENV: 'production', ...env }));
    const issuer = createLocalIssuer({ dataDir: db.dataDir, issuer: 'test', audience: 'test' });
    runtime = createSubgraphRuntime(ping, {
      target: db.target('ping'),
      verifier: createTokenVerifier({
        issuer: 'test',
        audience: 'test',
        algorithms: ['ES256'],
        jwks: issuer.jwks(),
      }),
      cipher: createCipher(crypto.randomBytes(32)),
      logger: createLogger({ level: 'silent' }),
      metricsEndpoint: endpoint,
    });
    await runtime.start();
    const publicServer = runtime.createHttpServer({
      gatewayAssertions: createGatewayKeys().verifier,
    });
    servers.push(publicServer);
    const publicPort = await listen(publicServer, 0, '127.0.0.1');
    const metricsServer = createMetricsServer(endpoint, register);
    if (metricsServer) servers.push(metricsServer);
    const metricsPort = metricsServer ? await listen(metricsServer, 0, '127.0.0.1') : undefined;
    return { publicUrl: `http://127.0.0.1:${publicPort}/metrics`, metricsPort };
  }

  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => close(server)));
    await runtime?.stop();
    runtime = undefined;
    await db.drop();
  });

  it('serves /metrics on METRICS_PORT only', async () => {
    const { publicUrl, metricsPort } = await serve({ METRICS_PORT: '9464' });
    expect((await fetch(publicUrl)).status).toBe(404);
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/hr_db_queries_total/);
  });

  it('asks for METRICS_TOKEN on the public port', async () => {
    const token = 'subgraph-scraper-token-0123456789';
    const { publicUrl, metricsPort } = await serve({ METRICS_TOKEN: token });
    expect(metricsPort).toBeUndefined();
    expect((await fetch(publicUrl)).status).toBe(401);
    const scraped = await fetch(publicUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
  });

  it('serves /metrics nowhere without either', async () => {
    const { publicUrl, metricsPort } = await serve({});
    expect(metricsPort).toBeUndefined();
    expect((await fetch(publicUrl)).status).toBe(404);
  });
});
