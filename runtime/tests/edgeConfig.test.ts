import { ConfigError, loadConfig } from '../src/config';
import { rateLimitStoreOf } from '../src/edgeConfig';
import { metricsEndpointOf } from '../src/http/metricsEndpoint';

const PG = 'postgres://hr@db:5432/hr';

describe('edge settings', () => {
  it('allows no browser origin and trusts no proxy by default', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config.CORS_ORIGINS).toEqual([]);
    expect(config.TRUST_PROXY_HOPS).toBe(0);
  });

  it('reads exact origins, and refuses a wildcard or a URL with a path', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://hr.example.org, http://localhost:5173' });
    expect(config.CORS_ORIGINS).toEqual(['https://hr.example.org', 'http://localhost:5173']);
    for (const bad of ['*', 'https://hr.example.org/', 'hr.example.org']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });

  it('counts in PostgreSQL when there is one, and says so when asked for it without', () => {
    expect(rateLimitStoreOf(loadConfig({}))).toBe('memory');
    expect(rateLimitStoreOf(loadConfig({ DATABASE_URL: PG }))).toBe('postgres');
    expect(rateLimitStoreOf(loadConfig({ DATABASE_URL: PG, RATE_LIMIT_STORE: 'memory' }))).toBe(
      'memory',
    );
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'postgres' })).toThrow(
      /RATE_LIMIT_STORE: postgres needs DATABASE_URL/,
    );
  });

  it('reads partner quotas as JSON, naming the variable when they are not', () => {
    const config = loadConfig({ RATE_LIMIT_PARTNER_QUOTAS: '{"payroll":{"requests":600}}' });
    expect(config.RATE_LIMIT_PARTNER_QUOTAS).toEqual({ payroll: { requests: 600 } });
    for (const bad of ['{payroll}', '{"payroll":{"requests":0}}', '{"payroll":{"calls":5}}']) {
      expect(() => loadConfig({ RATE_LIMIT_PARTNER_QUOTAS: bad })).toThrow(
        /RATE_LIMIT_PARTNER_QUOTAS/,
      );
    }
  });

  it('names a limit that is not a positive whole number', () => {
    expect(() => loadConfig({ RATE_LIMIT_REQUESTS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_COST: 'lots' })).toThrow(/RATE_LIMIT_COST/);
    expect(() => loadConfig({ WS_MAX_SOCKETS_PER_ADDRESS: '-1' })).toThrow(
      /WS_MAX_SOCKETS_PER_ADDRESS/,
    );
  });

  it('never opens /metrics on the public listener in production', () => {
    expect(metricsEndpointOf(loadConfig({ NODE_ENV: 'production' })).open).toBe(false);
    expect(metricsEndpointOf(loadConfig({ NODE_ENV: 'development' })).open).toBe(true);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ PORT: '4000', METRICS_PORT: '4000' })).toThrow(
      /METRICS_PORT: must differ from PORT/,
    );
  });
});
