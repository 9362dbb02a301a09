import { BetterSqliteConnection, BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { type Configuration, EventType } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import {
  completedError,
  type SqliteClient,
  type SqliteHandle,
  SqliteTransaction,
} from './sqliteTransaction';

type Method = 'all' | 'get' | 'run';

/**
 * The values of `params` as SQLite would read them written into `sql`, ready to bind; or
 * undefined when some value or the SQL needs MikroORM's own formatting (an identifier `??`,
 * an escaped `\?`, a list, raw SQL, JSON, a count that does not match).
 *
 * Integers go as 64-bit integers, as the written literals would be read: better-sqlite3 binds
 * every JavaScript number as a double, which a TEXT column would store as '5.0'. A date is its
 * milliseconds, as MikroORM writes it for SQLite. Knex turns `true`/`false` into 1/0.
 */
export function sqliteBindings(sql: string, params: readonly unknown[]): unknown[] | undefined {
  if (sql.includes('??') || sql.includes('\\?')) return undefined;
  if (countPlaceholders(sql) !== params.length) return undefined;
  const bindings: unknown[] = [];
  for (const value of params) {
    const binding = sqliteBinding(value);
    if (binding === NOT_BINDABLE) return undefined;
    bindings.push(binding);
  }
  return bindings;
}

const NOT_BINDABLE = Symbol('not bindable');

function sqliteBinding(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'bigint':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isSafeInteger(value)) return BigInt(value);
      return Number.isFinite(value) ? value : NOT_BINDABLE;
  }
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isSafeInteger(time) ? BigInt(time) : NOT_BINDABLE;
  }
  return Buffer.isBuffer(value) ? value : NOT_BINDABLE;
}

function countPlaceholders(sql: string): number {
  let count = 0;
  for (let at = sql.indexOf('?'); at !== -1; at = sql.indexOf('?', at + 1)) count++;
  return count;
}

/** The parts of better-sqlite3 and knex's client used here (better-sqlite3 ships no types). */
interface RawStatement {
  reader: boolean;
  all(params: unknown[]): unknown[];
  run(params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}
interface RawDatabase {
  prepare(sql: string): RawStatement;
  /** Knex's marks of the connection, and of the transaction holding it. */
  __knexUid?: string;
  __knexTxId?: string;
}
interface KnexClient {
  acquireConnection(): Promise<RawDatabase>;
  releaseConnection(connection: RawDatabase): Promise<unknown>;
  emit(event: 'query', query: object): void;
}

/** Compiled statements kept per connection, the least recently used dropped first. */
const KEPT_STATEMENTS = 256;
const compiled = new WeakMap<RawDatabase, Map<string, RawStatement>>();

/**
 * `sql` compiled on `db`, once. Compiling a many-row INSERT costs about as much as running
 * it, and knex compiled every statement anew.
 */
function statementOn(db: RawDatabase, sql: string): RawStatement {
  let kept = compiled.get(db);
  if (!kept) compiled.set(db, (kept = new Map()));
  let statement = kept.get(sql);
  if (statement) kept.delete(sql);
  else statement = db.prepare(sql);
  kept.set(sql, statement);
  if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
  return statement;
}

/** BEGIN, COMMIT, a savepoint: compiled once per connection like any statement. */
const runControl = (db: SqliteHandle, sql: string) =>
  void statementOn(db as unknown as RawDatabase, sql).run([]);

/** As knex hands values to better-sqlite3, which binds no booleans. */
const asKnexBinds = (value: unknown) => (typeof value === 'boolean' ? Number(value) : value);

/**
 * MikroORM writes every value into the SQL text, so no two statements about different rows
 * are the same and SQLite parses each anew (the statement cache never hit). This connection
 * binds the values instead where that means the same to SQLite, and otherwise formats as
 * MikroORM does.
 */
class BindingSqliteConnection extends BetterSqliteConnection {
  override async execute<T = unknown>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: unknown[] = [],
    method: Method = 'all',
    ctx?: Knex.Transaction,
    loggerContext?: Record<string, unknown>,
  ): Promise<T> {
    if (typeof queryOrKnex !== 'string') {
      // A knex query: its own transaction, and its SQL with the values apart.
      const knexQuery = queryOrKnex as Knex.QueryBuilder & { client: { transacting?: boolean } };
      ctx ??= knexQuery.client.transacting ? (knexQuery as unknown as Knex.Transaction) : undefined;
      const { sql, bindings } = knexQuery.toSQL();
      return this.execute(sql, [...(bindings ?? [])], method, ctx, loggerContext);
    }
    if (params.length === 0 || this.logsParams())
      return super.execute(queryOrKnex, params, method, ctx, loggerContext) as Promise<T>;
    const sql = this.config.get('onQuery')(queryOrKnex, params);
    const bindings = sqliteBindings(sql, params);
    if (!bindings)
      return super.execute(queryOrKnex, params, method, ctx, loggerContext) as Promise<T>;
    return this.executeQuery(sql, () => this.runCompiled<T>(sql, bindings, method, ctx), {
      query: sql,
      params,
      ...loggerContext,
    });
  }

  /**
   * Runs `sql` on the connection knex would use (the transaction's, or one from the pool),
   * from a compiled statement kept for it. Knex's query listeners still hear of it.
   */
  private async runCompiled<T>(
    sql: string,
    bindings: unknown[],
    method: Method,
    ctx?: Knex.Transaction,
  ): Promise<T> {
    // Knex refuses a statement on a transaction that has ended; so does this.
    if (ctx?.isCompleted()) throw completedError();
    const client = (ctx ?? this.getKnex()).client as unknown as KnexClient;
    const db = await client.acquireConnection();
    try {
      const values = bindings.map(asKnexBinds);
      const { __knexUid, __knexTxId } = db;
      client.emit('query', { __knexUid, __knexTxId, sql, bindings, method: 'raw' });
      const statement = statementOn(db, sql);
      const result = statement.reader ? statement.all(values) : statement.run(values);
      return this.transformRawResult<T>(result, method);
    } catch (error) {
      // As knex reports a failed statement (with `compileSqlOnError` off): its SQL, no values.
      // Not `instanceof Error`: the driver's errors may come from another realm (Jest's).
      const failed = error as { message?: unknown };
      if (typeof failed?.message === 'string') failed.message = `${sql} - ${failed.message}`;
      throw error;
    } finally {
      await client.releaseConnection(db);
    }
  }

  /**
   * A transaction begins as MikroORM's does, on a {@link SqliteTransaction} rather than
   * knex's. A savepoint (`ctx` given) is the transaction's own `transaction()`.
   */
  override async begin(
    options: Parameters<BetterSqliteConnection['begin']>[0] = {},
  ): Promise<Knex.Transaction> {
    if (options.ctx) return super.begin(options);
    await options.eventBroadcaster?.dispatchEvent(EventType.beforeTransactionStart);
    const client = this.getKnex().client as unknown as SqliteClient;
    const transaction = await SqliteTransaction.begin(client, runControl);
    for (const query of this.platform.getBeginTransactionSQL(options))
      this.logQuery(query, options.loggerContext);
    const trx = transaction as unknown as Knex.Transaction;
    await options.eventBroadcaster?.dispatchEvent(EventType.afterTransactionStart, trx);
    return trx;
  }

  /**
   * A failed statement's error names its SQL without the values: knex would write them in,
   * and fails on a 64-bit integer, hiding the error itself. Values stay out of logs besides.
   */
  protected override getKnexOptions(type: string): Knex.Config {
    return { ...super.getKnexOptions(type), compileSqlOnError: false };
  }

  /** With parameters in the query log the formatted text is what gets logged: keep it. */
  private logsParams(): boolean {
    return this.config.getLogger().isEnabled('query-params');
  }
}

/** MikroORM's better-sqlite3 driver on a {@link BindingSqliteConnection}. */
export class SqliteDriver extends BetterSqliteDriver {
  constructor(config: Configuration) {
    super(config);
    // The base class builds its connection in its constructor; this one replaces it before use.
    (this as unknown as { connection: BetterSqliteConnection }).connection =
      new BindingSqliteConnection(config);
  }
}
