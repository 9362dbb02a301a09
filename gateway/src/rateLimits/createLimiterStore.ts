import crypto from 'node:crypto';
import type * as Pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Logger } from '../../../runtime/edge';
import type { RateLimitStore } from './RateLimitOptions';

/** One counter: points a key may spend per window, and how long a key over it is refused. */
export interface LimiterSpec {
  /** Counters of specs with the same name are shared (a partner's own quota, say). */
  name: string;
  points: number;
  windowSeconds: number;
  /** Refuse a key over its points this long rather than to the end of the window. */
  blockSeconds?: number;
}

/** What rate-limiter-flexible's limiters do that the gateway uses. */
export type Limiter = Pick<RateLimiterAbstract, 'consume' | 'get' | 'points' | 'duration'>;

export interface LimiterStore {
  limiter(spec: LimiterSpec): Limiter;
  /** Makes what the store needs (PostgreSQL: its table). */
  start(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_TABLE = 'gateway_rate_limits';
/** rate-limiter-flexible's key column holds 255 characters. */
const MAX_KEY_LENGTH = 200;
const SWEEP_MS = 5 * 60_000;

/** A key the store can hold: long ones (a long subject, say) by their digest. */
export const storeKey = (key: string) =>
  key.length <= MAX_KEY_LENGTH ? key : crypto.createHash('sha256').update(key).digest('hex');

const memoryLimiter = (spec: LimiterSpec) =>
  new RateLimiterMemory({
    keyPrefix: spec.name,
    points: spec.points,
    duration: spec.windowSeconds,
    blockDuration: spec.blockSeconds,
  });

/** The PostgreSQL client, loaded only for a PostgreSQL store: a gateway counting in memory never needs it. */
const loadPg = (): typeof Pg =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('pg') as typeof Pg;

/**
 * Counters for the rate limits: in this process's memory, or in one PostgreSQL table
 * shared by every gateway replica (rate-limiter-flexible's `RateLimiterPostgres`, one
 * atomic upsert per count). Should PostgreSQL fail, each replica goes on counting in
 * memory until it is back, rather than letting everything through or refusing it all.
 */
export function createLimiterStore(store: RateLimitStore, logger: Logger): LimiterStore {
  if (store.kind === 'memory') {
    return { limiter: memoryLimiter, start: async () => {}, close: async () => {} };
  }
  const table = store.table ?? DEFAULT_TABLE;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new TypeError(`Bad table name ${table}.`);
  const pool = new (loadPg().Pool)({ connectionString: store.url, max: 10 });
  // An idle connection dropped by the server must not end the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'rate-limit store connection lost'));
  let sweeper: NodeJS.Timeout | undefined;

  return {
    limiter: (spec) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: table,
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: spec.name,
        points: spec.points,
        duration: spec.windowSeconds,
        blockDuration: spec.blockSeconds,
        // A key already over its points is refused from memory until its window ends,
        // so a client hammering past its limit costs the database nothing. Not with a
        // block, which must be written for the other replicas to see.
        ...(spec.blockSeconds === undefined && { inMemoryBlockOnConsumed: spec.points + 1 }),
        insuranceLimiter: memoryLimiter(spec),
      }),
    async start() {
      // Unlogged: counters need no crash safety, and skipping the WAL makes each count cheaper.
      await pool
        .query(
          `create unlogged table if not exists ${table} (
             key varchar(255) primary key, points integer not null default 0, expire bigint)`,
        )
        .catch((error: { code?: string }) => {
          // Two replicas creating it at once: the other one made it.
          if (error.code !== '23505') throw error;
        });
      sweeper ??= setInterval(() => {
        pool
          .query(`delete from ${table} where expire < $1`, [Date.now()])
          .catch((error: unknown) => logger.warn({ err: error }, 'rate-limit sweep failed'));
      }, SWEEP_MS).unref();
    },
    async close() {
      clearInterval(sweeper);
      await pool.end();
    },
  };
}

/** Whether a limiter's rejection is a count over its points (not a store failure). */
export const isOverLimit = (value: unknown): value is RateLimiterRes =>
  value instanceof RateLimiterRes;
