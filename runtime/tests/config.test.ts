import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, subgraphOptionsOf } from '../src/config';
import {
  inboxKeepMsOf,
  inboxRetentionDaysOf,
  loadNatsConfig,
  natsConnectionOf,
  outboxKeepSentMsOf,
  outboxRetentionDaysOf,
  streamOptionsOf,
} from '../src/natsConfig';

describe('loadConfig', () => {
  it('gives the all-in-one defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      HOST: '127.0.0.1',
      JWT_ALGORITHMS: ['ES256'],
      INTROSPECTION_OPEN: true,
      RETENTION_DAYS: 365,
      HEAP_GROWING_PERCENT: 50,
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
    ['HEAP_GROWING_PERCENT', '-1'],
    ['HEAP_GROWING_PERCENT', 'some'],
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
    ['ALL_IN_ONE_CHILD_SUBGRAPHS', 'accruals,Billing!'],
    ['ALL_IN_ONE_CHILD_SUBGRAPHS', ''],
    ['NATS_URL', 'http://nats:4222'],
    ['NATS_URL', 'nats://a:4222, b:port'],
    ['NATS_URL', ' , '],
    ['NATS_STREAM_REPLICAS', '2'],
    ['NATS_STREAM_REPLICAS', 'three'],
    ['NATS_STREAM_MAX_AGE_DAYS', '0'],
    ['NATS_STREAM_MAX_AGE_DAYS', 'a month'],
    ['NATS_STREAM_MAX_BYTES', '0'],
    ['NATS_STREAM_MAX_BYTES', '20 gigs'],
    ['OUTBOX_RETENTION_DAYS', '0'],
    ['INBOX_RETENTION_DAYS', '0'],
    ['INBOX_RETENTION_DAYS', 'a year'],
    ['INBOX_RETENTION_DAYS', '-91'],
    ['NATS_PASSWORD', ''],
    ['NATS_CREDS_FILE', ''],
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

  describe('NATS', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-config-'));
    const pem = path.join(dir, 'ca.pem');
    fs.writeFileSync(pem, 'not checked here');
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reads a cluster as a list of servers', () => {
      const config = loadConfig({ NATS_URL: 'nats://n1:4222, nats://n2:4222,tls://n3:4222' });
      expect(config.NATS_URL).toEqual(['nats://n1:4222', 'nats://n2:4222', 'tls://n3:4222']);
      expect(loadConfig({ NATS_URL: '127.0.0.1:4222' }).NATS_URL).toEqual(['127.0.0.1:4222']);
    });

    it('passes credentials and TLS to the connection', () => {
      const userConfig = loadConfig({
        NATS_URL: 'nats://n1:4222',
        NATS_USER: 'hr',
        NATS_PASSWORD: 's3cret',
        NATS_TLS_CA_FILE: pem,
      });
      expect(natsConnectionOf(userConfig)).toEqual({
        servers: ['nats://n1:4222'],
        auth: { user: 'hr', password: 's3cret' },
        tls: { caFile: pem },
      });
      expect(natsConnectionOf(loadConfig({ NATS_TOKEN: 't0ken' })).auth).toEqual({
        token: 't0ken',
      });
      const creds = natsConnectionOf(loadConfig({ NATS_CREDS_FILE: pem })).auth;
      expect(Buffer.from((creds as { creds: Uint8Array }).creds).toString()).toBe(
        'not checked here',
      );
      expect(natsConnectionOf(loadConfig({}))).toEqual({
        servers: [],
        auth: undefined,
        tls: undefined,
      });
    });

    it.each([
      [{ NATS_USER: 'hr' }, 'NATS_PASSWORD'],
      [{ NATS_PASSWORD: 's3cret' }, 'NATS_USER'],
      [{ NATS_USER: 'hr', NATS_PASSWORD: 's3cret', NATS_TOKEN: 't' }, 'NATS_TOKEN'],
      [{ NATS_TOKEN: 't', NATS_CREDS_FILE: '/run/hr.creds' }, 'NATS_CREDS_FILE'],
      [{ NATS_TLS_CERT_FILE: '/tls/cert.pem' }, 'NATS_TLS_KEY_FILE'],
      [{ NATS_TLS_KEY_FILE: '/tls/key.pem' }, 'NATS_TLS_CERT_FILE'],
    ])('stops on %j, naming %s', (env, name) => {
      const load = () => loadConfig(env);
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(new RegExp(`^Invalid configuration: ${name}:`));
    });

    it.each([
      ['NATS_CREDS_FILE', {}],
      ['NATS_TLS_CA_FILE', {}],
      ['NATS_TLS_CERT_FILE', { NATS_TLS_KEY_FILE: pem }],
      ['NATS_TLS_KEY_FILE', { NATS_TLS_CERT_FILE: pem }],
    ])('stops at start when %s cannot be read, naming it', (name, others) => {
      const config = loadConfig({ ...others, [name]: path.join(dir, 'missing.pem') });
      const connect = () => natsConnectionOf(config);
      expect(connect).toThrow(ConfigError);
      expect(connect).toThrow(new RegExp(`${name}: cannot read .*missing\\.pem`));
    });

    it('reads stream replicas and limits, with sizes in binary units', () => {
      expect(streamOptionsOf(loadConfig({}))).toEqual({
        replicas: 1,
        maxAgeMs: undefined,
        maxBytes: undefined,
      });
      const config = loadConfig({
        NATS_STREAM_REPLICAS: '3',
        NATS_STREAM_MAX_AGE_DAYS: '30',
        NATS_STREAM_MAX_BYTES: '20G',
      });
      expect(streamOptionsOf(config)).toEqual({
        replicas: 3,
        maxAgeMs: 30 * 86_400_000,
        maxBytes: 20 * 1024 ** 3,
      });
      expect(loadConfig({ NATS_STREAM_MAX_BYTES: '1048576' }).NATS_STREAM_MAX_BYTES).toBe(
        1024 ** 2,
      );
      expect(loadConfig({ NATS_STREAM_MAX_BYTES: '500MB' }).NATS_STREAM_MAX_BYTES).toBe(
        500 * 1024 ** 2,
      );
    });

    it("keeps published outbox rows 30 days, or as long as the stream's age if longer", () => {
      expect(outboxRetentionDaysOf(loadConfig({}))).toBe(30);
      expect(outboxKeepSentMsOf(loadConfig({}))).toBe(30 * 86_400_000);
      expect(outboxRetentionDaysOf(loadConfig({ NATS_STREAM_MAX_AGE_DAYS: '90' }))).toBe(90);
      expect(outboxRetentionDaysOf(loadConfig({ OUTBOX_RETENTION_DAYS: '7' }))).toBe(7);
    });

    it('keeps inbox rows a day past what the stream and outboxes may send again, or for ever', () => {
      expect(inboxRetentionDaysOf(loadConfig({}))).toBeUndefined();
      expect(inboxKeepMsOf(loadConfig({}))).toBeUndefined();
      expect(inboxRetentionDaysOf(loadConfig({ NATS_STREAM_MAX_AGE_DAYS: '90' }))).toBe(91);
      expect(inboxKeepMsOf(loadConfig({ NATS_STREAM_MAX_AGE_DAYS: '90' }))).toBe(91 * 86_400_000);
      expect(
        inboxRetentionDaysOf(
          loadConfig({ NATS_STREAM_MAX_AGE_DAYS: '7', OUTBOX_RETENTION_DAYS: '60' }),
        ),
      ).toBe(61);
      expect(
        inboxRetentionDaysOf(
          loadConfig({ NATS_STREAM_MAX_AGE_DAYS: '90', INBOX_RETENTION_DAYS: '365' }),
        ),
      ).toBe(365);
    });

    it.each([
      [{ INBOX_RETENTION_DAYS: '365' }, /INBOX_RETENTION_DAYS.*needs NATS_STREAM_MAX_AGE_DAYS/],
      [{ NATS_STREAM_MAX_AGE_DAYS: '90', INBOX_RETENTION_DAYS: '90' }, /must be more than 90/],
      [
        { NATS_STREAM_MAX_AGE_DAYS: '7', OUTBOX_RETENTION_DAYS: '60', INBOX_RETENTION_DAYS: '30' },
        /INBOX_RETENTION_DAYS.*must be more than 60/,
      ],
    ])('refuses an inbox retention shorter than events may come again: %p', (env, message) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });

    it('checks the NATS variables alone for commands that need nothing else', () => {
      expect(loadNatsConfig({ NATS_URL: 'n1:4222,n2:4222' }).NATS_URL).toEqual([
        'n1:4222',
        'n2:4222',
      ]);
      expect(() => loadNatsConfig({ NATS_USER: 'hr' })).toThrow(/NATS_PASSWORD/);
    });
  });
});
