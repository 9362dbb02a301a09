/**
 * Whether the suites run on PostgreSQL (the `postgres` Jest project). What only PostgreSQL
 * can show (transactions side by side, SKIP LOCKED, restarts of the server) runs there alone.
 */
export const onPostgres = process.env.TEST_DB === 'postgres';

/** `describe` on PostgreSQL, skipped on SQLite. */
export const describeOnPostgres = onPostgres ? describe : describe.skip;

/** `it` on PostgreSQL, skipped on SQLite. */
export const itOnPostgres = onPostgres ? it : it.skip;
