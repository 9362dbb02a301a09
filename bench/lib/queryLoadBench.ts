import { createTestDatabase } from '../../test-support/database';
import { runLoad } from './runLoad';
import { startPlatformProcess, type PlatformProcess } from './startPlatformProcess';

/** The knobs every query-load benchmark reads from the environment. */
export const LOAD_KNOBS = {
  connections: Number(process.env.CONNECTIONS ?? 50),
  durationMs: Number(process.env.DURATION ?? 20) * 1000,
  warmupMs: Number(process.env.WARMUP ?? 5) * 1000,
};

/** One operation sent over and over as one caller. */
export interface QueryLoad {
  query: string;
  variables: Record<string, unknown>;
  token: string;
}

/**
 * The all-in-one platform as its own process, on SQLite or (DATABASE=postgres) a fresh
 * PostgreSQL database; `run` seeds it and answers the figures to print. Both go afterwards.
 */
export async function queryLoadBench(
  run: (platform: PlatformProcess) => Promise<Record<string, unknown>>,
): Promise<void> {
  if (process.env.DATABASE === 'postgres') process.env.TEST_DB = 'postgres';
  const db = await createTestDatabase();
  const platform = await startPlatformProcess({
    ...(db.url && { DATABASE_URL: db.url }),
    ...(process.env.NATS_URL && { NATS_URL: process.env.NATS_URL }),
    // The load stands for many clients under one token: no per-identity cap holds it.
    GATEWAY_MAX_CONCURRENT_PER_IDENTITY: String(LOAD_KNOBS.connections),
  });
  try {
    const figures = await run(platform);
    const database = db.url ? 'postgresql' : 'sqlite';
    console.log(JSON.stringify({ database, ...figures }, null, 2));
  } finally {
    await platform.stop();
    await db.drop();
  }
}

/**
 * Warms up, then loads `load` for the run's duration: requests per second, latency, and the
 * SQL statements and subgraph calls each request cost (from the platform's own counters).
 */
export async function measureQueryLoad(platform: PlatformProcess, load: QueryLoad) {
  const { connections, durationMs, warmupMs } = LOAD_KNOBS;
  const options = {
    url: platform.url,
    body: JSON.stringify({ query: load.query, variables: load.variables }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${load.token}` },
    connections,
  };
  await runLoad({ ...options, durationMs: warmupMs });
  const counters = () =>
    Promise.all([
      platform.metric('hr_db_queries_total'),
      platform.metric('gateway_subgraph_request_duration_seconds_count'),
    ]);
  const [queriesBefore, callsBefore] = await counters();
  const result = await runLoad({ ...options, durationMs });
  const [queries, calls] = await counters();
  const perRequest = (n: number) => Number((n / result.requests).toFixed(2));
  return {
    connections,
    durationSeconds: durationMs / 1000,
    requests: result.requests,
    errors: result.errors,
    rps: Math.round(result.rps),
    p50Ms: Number(result.p50.toFixed(1)),
    p99Ms: Number(result.p99.toFixed(1)),
    sqlQueriesPerRequest: perRequest(queries - queriesBefore),
    subgraphCallsPerRequest: perRequest(calls - callsBefore),
  };
}
