import { Registry } from 'prom-client';
import { loadConfig, metricsEndpointOf } from '../../runtime';
import { createGatewayMetrics } from '../src/metrics/createGatewayMetrics';
import { startFixture, type Fixture } from './support/twoSubgraphs';

const production = (env: Record<string, string> = {}) =>
  metricsEndpointOf(loadConfig({ NODE_ENV: 'production', ...env }));

describe('metrics labels', () => {
  it('cuts, cleans and counts the label values clients choose', () => {
    const metrics = createGatewayMetrics({ registry: new Registry(), maxOperationNames: 3 });
    expect(metrics.operationLabel('A'.repeat(1_000_000))).toBe('A'.repeat(64));
    expect(metrics.operationLabel('Directory')).toBe('Directory');
    expect(metrics.operationLabel('Third')).toBe('Third');
    expect(metrics.operationLabel('Fourth')).toBe('other');
    expect(metrics.operationLabel('Directory')).toBe('Directory');
    expect(metrics.operationLabel(null)).toBe('anonymous');
    expect(metrics.codeLabel('BAD"}\nCODE')).toBe('BAD___CODE');
    expect(metrics.codeLabel(undefined)).toBe('INTERNAL');
  });

  it('keeps /metrics answering, and small, after requests named with a megabyte each', async () => {
    const fx = await startFixture('in-process', { metricsRegistry: new Registry() });
    try {
      const token = `Bearer ${await fx.token('EMPLOYEE', 'u1')}`;
      for (let i = 0; i < 41; i += 1) {
        const name = `Op${i}_${'x'.repeat(1_000_000)}`;
        const response = await fx.post(`{"query":"query ${name} { users { id } }"}`, {
          authorization: token,
        });
        expect(response.status).toBe(200);
      }
      const response = await fetch(`${fx.base}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      const labels = [...text.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]!);
      expect(labels.length).toBeGreaterThan(0);
      expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(64);
      expect(new Set(labels).size).toBe(41);
      expect(text.length).toBeLessThan(500_000);
    } finally {
      await fx.stop();
    }
  });
});

describe('/metrics in production', () => {
  let fx: Fixture | undefined;
  afterEach(async () => {
    await fx?.stop();
    fx = undefined;
  });

  it('is not on the public port, and is served on METRICS_PORT', async () => {
    fx = await startFixture('in-process', { metricsEndpoint: production({ METRICS_PORT: '0' }) });
    expect((await fetch(`${fx.base}/metrics`)).status).toBe(404);
    const address = fx.gateway.metricsServer!.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/gateway_graphql_request_duration_seconds/);
  });

  it('asks for METRICS_TOKEN on the public port', async () => {
    const token = 'a-long-scraper-token-0123456789';
    fx = await startFixture('in-process', {
      metricsEndpoint: production({ METRICS_TOKEN: token }),
    });
    const scrape = (authorization?: string) =>
      fetch(`${fx!.base}/metrics`, { headers: authorization ? { authorization } : {} });
    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await scrape(`Bearer ${token.slice(0, -1)}X`)).status).toBe(401);
    expect((await scrape(`Bearer ${token}x`)).status).toBe(401);
    const scraped = await scrape(`Bearer ${token}`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/process_cpu_seconds_total/);
  });

  it('is served nowhere when neither is configured', async () => {
    fx = await startFixture('in-process', { metricsEndpoint: production() });
    expect((await fetch(`${fx.base}/metrics`)).status).toBe(404);
    expect(fx.gateway.metricsServer).toBeUndefined();
  });
});
