import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './auth/createTokenVerifier';
import { ConfigError } from './configError';
import { checkEdge, edgeSchema } from './edgeConfig';
import { checkNats, natsSchema } from './natsConfig';
import { checkSignIn, signInSchema } from './signInConfig';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A URL with one of the given schemes (`new URL` alone accepts `audit:4001`). */
const urlWith = (...schemes: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return schemes.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${schemes.join(' or ')} URL`,
  );
const httpUrl = urlWith('http:', 'https:');
const positive = z.coerce.number().int().positive();
const count = z.coerce.number().int().min(0);
const dataKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL; when absent each subgraph uses an embedded SQLite file under DATA_DIR. */
  DATABASE_URL: urlWith('postgres:', 'postgresql:').optional(),
  /** Connections each subgraph's pool may open on PostgreSQL (docs/operations.md#connections). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Prefix of stream and subject names, so several platforms can share one NATS. */
  NATS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, 'must be 1 to 32 letters or digits, a letter first')
    .optional(),
  /** JWKS to verify tokens against; when absent all-in-one runs a local issuer. */
  JWKS_URL: httpUrl.optional(),
  /** A JWKS file instead of JWKS_URL (public keys only). */
  JWKS_FILE: z.string().min(1).optional(),
  /** Longest token lifetime (exp - iat) accepted, in seconds (one hour: see the default for why). */
  JWT_MAX_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
  /** The gateway's private JWK, for the assertion it sends subgraphs (`npm run serve -- gateway`). */
  GATEWAY_ASSERTION_KEY_FILE: z.string().min(1).optional(),
  /** The gateway's public key set, for a served subgraph to check that assertion. */
  GATEWAY_JWKS_FILE: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).default('hr-platform'),
  JWT_AUDIENCE: z.string().min(1).default('hr-platform'),
  JWT_ALGORITHMS: z
    .string()
    .default('ES256')
    .transform((v) => v.split(',').map((a) => a.trim()))
    .pipe(z.array(z.enum(['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'])).min(1)),
  /** 32 bytes, base64, for personal data at rest; all-in-one keeps one under DATA_DIR. */
  DATA_ENCRYPTION_KEY: dataKey.optional(),
  /** Earlier data keys, comma separated, still read until `npm run reencrypt` (docs/keys.md). */
  DATA_ENCRYPTION_PREVIOUS_KEYS: z
    .string()
    // Empty is none, so compose can pass the variable through unset.
    .transform((v) => (v.trim() === '' ? [] : v.split(',').map((key) => key.trim())))
    .pipe(z.array(dataKey))
    .optional(),
  /** Introspection for every caller (development); otherwise ADMIN and PARTNER only. */
  INTROSPECTION_OPEN: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  /**
   * How far V8 lets the heap grow past what a full collection kept, in percent (50); 0 leaves
   * it to V8, which lets a busy process hold several times its live data in garbage.
   */
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(50),
  /** Fault suite only (docs/faults.md): a served subgraph SIGKILLs itself after its Nth publish, before marking it sent. */
  OUTBOX_RELAY_KILL_AFTER_PUBLISHES: positive.optional(),
  /** OTLP/HTTP collector for traces; without it spans are made (ids propagate) but not exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  /** `service.name` of this process's spans (default `hr-platform`, or `hr-<name>` when serving one part). */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** Operations of one identity (token subject) running at once in one gateway process (8). */
  GATEWAY_MAX_CONCURRENT_PER_IDENTITY: z.coerce.number().int().positive().optional(),
  /** Operations of one identity waiting for a slot before it is answered 429 (64). */
  GATEWAY_QUEUE_PER_IDENTITY: z.coerce.number().int().min(0).optional(),
  /** Identical queries of one caller in flight at once run once (true; false: each its own). */
  GATEWAY_SHARE_INFLIGHT: bool.optional(),
  /** A request's entity fetches to one subgraph that are ready together go as one (true). */
  GATEWAY_MERGE_FETCHES: bool.optional(),
  /** Subgraph to serve with `npm run serve -- <name>`, or `gateway`. */
  SERVICE: z.string().optional(),
  // The gateway's policy toward each subgraph (docs/resilience.md); unset, the gateway's defaults.
  SUBGRAPH_TIMEOUT_MS: positive.optional(),
  SUBGRAPH_MAX_CONCURRENCY: positive.optional(),
  SUBGRAPH_QUEUE: count.optional(),
  SUBGRAPH_BREAKER_THRESHOLD: positive.optional(),
  SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS: positive.optional(),
  SUBGRAPH_RETRIES: count.optional(),
  SUBGRAPH_PROBE_TIMEOUT_MS: positive.optional(),
  /**
   * Subgraphs `npm start` runs in a second process, so the event load can use a second core:
   * `auto` (accruals, billing and audit when the machine has two cores or more), `none`, or
   * names, comma separated (platform/src/subgraphProcess; docs/architecture.md).
   */
  ALL_IN_ONE_CHILD_SUBGRAPHS: z
    .string()
    .default('auto')
    .transform((v) => v.trim())
    .pipe(
      z.union([
        z.enum(['auto', 'none']),
        z
          .string()
          .transform((v) => v.split(',').map((name) => name.trim()))
          .pipe(
            z
              .array(z.string().regex(/^[a-z0-9_]+$/, 'must be auto, none or subgraph names'))
              .min(1),
          ),
      ]),
    ),
  /** Subgraphs the gateway's readiness requires, comma separated (default: all). */
  GATEWAY_REQUIRED_SUBGRAPHS: z
    .string()
    .transform((v) => v.split(',').map((name) => name.trim()))
    .pipe(z.array(z.string().regex(/^[a-z0-9_]+$/, 'must be subgraph names')).min(1))
    .optional(),
});

const merged = schema.merge(edgeSchema).merge(signInSchema).merge(natsSchema);
const withEdge = merged.superRefine((raw, ctx) => {
  checkEdge(raw, ctx);
  checkSignIn(raw, ctx);
  checkNats(raw, ctx);
});

/** Every variable the configuration reads by name (`SUBGRAPH_URL_<NAME>` besides). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(merged.shape);

export type RawConfig = z.infer<typeof withEdge>;

export interface AppConfig extends Omit<RawConfig, 'INTROSPECTION_OPEN'> {
  INTROSPECTION_OPEN: boolean;
  /** Remote subgraph URLs from `SUBGRAPH_URL_<NAME>` variables (distributed mode). */
  subgraphUrls: Record<string, string>;
}

export { ConfigError };

/**
 * Reads and validates the process configuration once, at start. A bad value
 * throws a ConfigError naming the variable, so the process stops with a
 * message instead of failing later.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = withEdge.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const raw = result.data;
  if (raw.JWKS_URL && raw.JWKS_FILE) {
    throw new ConfigError('Invalid configuration: JWKS_FILE: set JWKS_URL or JWKS_FILE, not both');
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (!match || !value) continue;
    if (!httpUrl.safeParse(value).success) {
      throw new ConfigError(`Invalid configuration: ${key}: must be a http: or https: URL`);
    }
    subgraphUrls[match[1].toLowerCase()] = value;
  }
  return {
    ...raw,
    DATA_DIR: path.resolve(raw.DATA_DIR),
    INTROSPECTION_OPEN: raw.INTROSPECTION_OPEN ?? raw.NODE_ENV === 'development',
    subgraphUrls,
  };
}

/**
 * The gateway's options toward subgraphs from the SUBGRAPH_* variables and
 * GATEWAY_REQUIRED_SUBGRAPHS; those unset keep the gateway's defaults.
 */
export function subgraphOptionsOf(config: AppConfig) {
  return {
    subgraphPolicy: {
      timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
      maxConcurrency: config.SUBGRAPH_MAX_CONCURRENCY,
      queue: config.SUBGRAPH_QUEUE,
      breakerThreshold: config.SUBGRAPH_BREAKER_THRESHOLD,
      halfOpenAfterMs: config.SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS,
      retries: config.SUBGRAPH_RETRIES,
    },
    readiness: {
      required: config.GATEWAY_REQUIRED_SUBGRAPHS,
      probeTimeoutMs: config.SUBGRAPH_PROBE_TIMEOUT_MS,
    },
  };
}
