import { ConfigError, loadConfig, subgraphOptionsOf } from '../src/config';

describe('loadConfig', () => {
  it('gives the all-in-one defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      HOST: '127.0.0.1',
      JWT_ALGORITHMS: ['ES256'],
      INTROSPECTION_OPEN: true,
      RETENTION_DAYS: 365,
      subgraphUrls: {},
    });
    expect(config.DATA_DIR).toMatch(/\/data$/);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.NATS_URL).toBeUndefined();
  });

  it('closes introspection outside development unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).INTROSPECTION_OPEN).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', INTROSPECTION_OPEN: 'true' }).INTROSPECTION_OPEN,
    ).toBe(true);
  });

  it('reads subgraph URLs by name', () => {
    const config = loadConfig({ SUBGRAPH_URL_EMPLOYEES: 'http://employees:4001/graphql' });
    expect(config.subgraphUrls).toEqual({ employees: 'http://employees:4001/graphql' });
  });

  it("reads the gateway's policy toward subgraphs, leaving unset values to the gateway", () => {
    expect(subgraphOptionsOf(loadConfig({}))).toEqual({
      subgraphPolicy: {},
      readiness: {},
    });
    const config = loadConfig({
      SUBGRAPH_TIMEOUT_MS: '5000',
      SUBGRAPH_MAX_CONCURRENCY: '64',
      SUBGRAPH_QUEUE: '0',
      SUBGRAPH_BREAKER_THRESHOLD: '3',
      SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS: '1000',
      SUBGRAPH_RETRIES: '1',
      SUBGRAPH_PROBE_TIMEOUT_MS: '250',
      GATEWAY_REQUIRED_SUBGRAPHS: 'employees, audit',
    });
    expect(subgraphOptionsOf(config)).toEqual({
      subgraphPolicy: {
        timeoutMs: 5000,
        maxConcurrency: 64,
        queue: 0,
        breakerThreshold: 3,
        halfOpenAfterMs: 1000,
        retries: 1,
      },
      readiness: { required: ['employees', 'audit'], probeTimeoutMs: 250 },
    });
  });

  it('reads the optional trace exporter settings', () => {
    expect(loadConfig({}).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    const config = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'hr-edge',
    });
    expect(config).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'hr-edge',
    });
  });

  it("reads the gateway's per-identity concurrency cap", () => {
    expect(loadConfig({}).GATEWAY_MAX_CONCURRENT_PER_IDENTITY).toBeUndefined();
    expect(
      loadConfig({ GATEWAY_MAX_CONCURRENT_PER_IDENTITY: '4', GATEWAY_QUEUE_PER_IDENTITY: '0' }),
    ).toMatchObject({ GATEWAY_MAX_CONCURRENT_PER_IDENTITY: 4, GATEWAY_QUEUE_PER_IDENTITY: 0 });
    expect(loadConfig({}).GATEWAY_SHARE_INFLIGHT).toBeUndefined();
    expect(loadConfig({ GATEWAY_SHARE_INFLIGHT: 'false' }).GATEWAY_SHARE_INFLIGHT).toBe(false);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://root@localhost/hr'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', '101'],
    ['DATABASE_POOL_SIZE', 'ten'],
    ['JWKS_URL', 'jwks'],
    ['JWT_ALGORITHMS', 'HS256'],
    ['JWT_ALGORITHMS', 'none'],
    ['DATA_ENCRYPTION_KEY', Buffer.alloc(16).toString('base64')],
    ['DATA_ENCRYPTION_PREVIOUS_KEYS', Buffer.alloc(16).toString('base64')],
    ['DATA_ENCRYPTION_PREVIOUS_KEYS', `${Buffer.alloc(32).toString('base64')},not a key`],
    ['DATA_ENCRYPTION_PREVIOUS_KEYS', `${Buffer.alloc(32).toString('base64')},`],
    ['INTROSPECTION_OPEN', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['RETENTION_DAYS', '0'],
    ['SUBGRAPH_URL_AUDIT', 'audit:4001'],
    ['SUBGRAPH_URL_AUDIT', 'ftp://audit/graphql'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318'],
    ['OTEL_SERVICE_NAME', ''],
    ['JWT_MAX_TTL_SECONDS', '0'],
    ['JWT_MAX_TTL_SECONDS', 'an hour'],
    ['JWKS_FILE', ''],
    ['GATEWAY_ASSERTION_KEY_FILE', ''],
    ['GATEWAY_JWKS_FILE', ''],
    ['GATEWAY_MAX_CONCURRENT_PER_IDENTITY', '0'],
    ['GATEWAY_MAX_CONCURRENT_PER_IDENTITY', 'many'],
    ['GATEWAY_QUEUE_PER_IDENTITY', '-1'],
    ['GATEWAY_SHARE_INFLIGHT', 'sometimes'],
    ['SUBGRAPH_TIMEOUT_MS', 'soon'],
    ['SUBGRAPH_MAX_CONCURRENCY', '0'],
    ['SUBGRAPH_QUEUE', '-1'],
    ['SUBGRAPH_BREAKER_THRESHOLD', '2.5'],
    ['SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS', '-5'],
    ['SUBGRAPH_RETRIES', 'many'],
    ['SUBGRAPH_PROBE_TIMEOUT_MS', '0'],
    ['GATEWAY_REQUIRED_SUBGRAPHS', 'employees,Audit!'],
  ])('stops on a bad %s (%s), naming the variable', (name, value) => {
    const load = () => loadConfig({ [name]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('accepts tokens of up to an hour unless told otherwise', () => {
    expect(loadConfig({}).JWT_MAX_TTL_SECONDS).toBe(3600);
    expect(loadConfig({ JWT_MAX_TTL_SECONDS: '900' }).JWT_MAX_TTL_SECONDS).toBe(900);
  });

  it('takes the issuer keys from JWKS_URL or JWKS_FILE, not both', () => {
    expect(loadConfig({ JWKS_FILE: '/keys/public/issuer-jwks.json' }).JWKS_FILE).toBe(
      '/keys/public/issuer-jwks.json',
    );
    const both = () =>
      loadConfig({ JWKS_URL: 'http://issuer/jwks.json', JWKS_FILE: '/keys/jwks.json' });
    expect(both).toThrow(ConfigError);
    expect(both).toThrow(/JWKS_FILE/);
  });

  it('reads earlier data keys, comma separated, for reading only', () => {
    const [a, b] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)].map((k) => k.toString('base64'));
    expect(loadConfig({}).DATA_ENCRYPTION_PREVIOUS_KEYS).toBeUndefined();
    expect(loadConfig({ DATA_ENCRYPTION_PREVIOUS_KEYS: '' }).DATA_ENCRYPTION_PREVIOUS_KEYS).toEqual(
      [],
    );
    expect(
      loadConfig({ DATA_ENCRYPTION_PREVIOUS_KEYS: `${a}, ${b}` }).DATA_ENCRYPTION_PREVIOUS_KEYS,
    ).toEqual([a, b]);
  });
});
