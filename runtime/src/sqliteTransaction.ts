/** The parts of better-sqlite3's database used here (better-sqlite3 ships no types). */
export interface SqliteHandle {
  /** True between BEGIN and its COMMIT or ROLLBACK, as SQLite itself says. */
  readonly inTransaction: boolean;
  /** Knex's marks of the connection, and of the transaction holding it. */
  __knexUid?: string;
  __knexTxId?: string;
}

/** The parts of knex's SQLite client used here. */
export interface SqliteClient {
  acquireConnection(): Promise<SqliteHandle>;
  releaseConnection(connection: SqliteHandle): Promise<unknown>;
  emit(event: string, ...args: unknown[]): boolean;
  readonly constructor: { prototype: object };
}

/** Runs one statement of transaction control on the connection. */
export type RunControl = (db: SqliteHandle, sql: string) => void;

let lastId = 0;

/**
 * A transaction (or, inside one, a savepoint) on SQLite's one connection, in the place of
 * knex's. Knex builds a whole query interface for each transaction, some 150 methods defined
 * on a new function: most of the CPU an empty transaction costs. MikroORM uses only this
 * much of it: `client` (the connection's client, which knex's query builders run on),
 * `commit` with `executionPromise`, `rollback`, `isCompleted`, and `transaction` for a
 * savepoint. The statements are knex's own, heard by knex's query listeners as before.
 */
export class SqliteTransaction {
  readonly txid = `trx${++lastId}`;
  readonly client: object;
  readonly executionPromise: Promise<void>;
  private completed = false;
  /** Whether it has handed the connection back (a rollback may follow a failed commit). */
  private left = false;
  private settle!: { resolve: () => void; reject: (error: unknown) => void };
  /** Savepoints of this transaction run one after another, as knex runs them. */
  private lastChild: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly base: SqliteClient,
    private readonly db: SqliteHandle,
    private readonly run: RunControl,
    private readonly outer?: SqliteTransaction,
  ) {
    this.client = transactionClient(base, db, this);
    this.executionPromise = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // MikroORM awaits it only after a commit; a rollback must not leave it unhandled.
    this.executionPromise.catch(() => {});
  }

  /** Takes the connection (waiting while another transaction holds it) and begins. */
  static async begin(base: SqliteClient, run: RunControl): Promise<SqliteTransaction> {
    const db = await base.acquireConnection();
    const transaction = new SqliteTransaction(base, db, run);
    db.__knexTxId = transaction.txid;
    transaction.open('BEGIN;');
    return transaction;
  }

  /** A savepoint inside this transaction, once the one before it has ended (knex's API). */
  async transaction(): Promise<SqliteTransaction> {
    const nested = new SqliteTransaction(this.base, this.db, this.run, this);
    const previous = this.lastChild;
    this.lastChild = nested.executionPromise.catch(() => {});
    await previous;
    this.db.__knexTxId = nested.txid;
    nested.open(`SAVEPOINT ${nested.txid};`);
    return nested;
  }

  /** Runs its first statement; if that fails, it never began, and the next may. */
  private open(sql: string): void {
    try {
      this.control(sql);
    } catch (error) {
      this.completed = true;
      this.settle.resolve();
      this.leave();
      throw error;
    }
  }

  isCompleted(): boolean {
    return this.completed || (this.outer?.isCompleted() ?? false);
  }

  /** Ends it; `executionPromise` tells how. Answers as knex's does, without waiting. */
  commit(): Promise<void> {
    const sql = this.outer ? `RELEASE SAVEPOINT ${this.txid};` : 'COMMIT;';
    try {
      this.end(sql);
      this.settle.resolve();
    } catch (error) {
      // SQLite keeps a transaction open whose COMMIT failed (a deferred foreign key): end it.
      if (!this.outer && this.db.inTransaction) this.tryControl('ROLLBACK');
      this.settle.reject(error);
    } finally {
      this.leave();
    }
    return this.executionPromise;
  }

  /** As knex's: a failed or needless rollback is not an error of its own. */
  async rollback(): Promise<void> {
    if (!this.isCompleted()) {
      this.completed = true;
      this.tryControl(this.outer ? `ROLLBACK TO SAVEPOINT ${this.txid}` : 'ROLLBACK');
    }
    this.settle.resolve();
    this.leave();
  }

  private end(sql: string): void {
    if (this.isCompleted()) throw completedError();
    this.completed = true;
    this.control(sql);
  }

  private control(sql: string): void {
    const { db } = this;
    this.base.emit('query', { __knexUid: db.__knexUid, __knexTxId: db.__knexTxId, sql });
    try {
      this.run(db, sql);
    } catch (error) {
      // As knex reports a failed statement: its SQL first.
      const failed = error as { message?: unknown };
      if (typeof failed?.message === 'string') failed.message = `${sql} - ${failed.message}`;
      throw error;
    }
  }

  private tryControl(sql: string): void {
    try {
      this.control(sql);
    } catch {
      // The error that ended the transaction is the one to report.
    }
  }

  /** A savepoint hands the connection back to its transaction; the transaction, to the pool. */
  private leave(): void {
    if (this.left) return;
    this.left = true;
    if (this.outer) {
      this.db.__knexTxId = this.outer.txid;
      return;
    }
    delete this.db.__knexTxId;
    void this.base.releaseConnection(this.db);
  }
}

/** Knex's error for a statement on a transaction that has ended. */
export function completedError(): Error {
  return new Error('Transaction query already complete, run with DEBUG=knex:tx for more info');
}

/**
 * The client knex's query builders run on inside `transaction`, as knex makes one: it always
 * answers with the transaction's connection, never gives it back to the pool, and refuses
 * statements once the transaction has ended. Its query events go to the pool's client.
 */
function transactionClient(
  base: SqliteClient,
  db: SqliteHandle,
  transaction: SqliteTransaction,
): object {
  const source = base as unknown as Record<string, unknown>;
  const client = Object.create(base.constructor.prototype) as Record<string, unknown>;
  for (const key of ['version', 'config', 'driver', 'connectionSettings', 'valueForUndefined'])
    client[key] = source[key];
  client.logger = source.logger;
  client.transacting = true;
  client.emit = (event: string, ...args: unknown[]) => base.emit(event, ...args);
  const query = client.query as (this: unknown, conn: unknown, obj: unknown) => Promise<unknown>;
  client.query = async function (this: unknown, conn: unknown, obj: unknown) {
    if (conn !== db) throw new Error('Invalid connection for transaction query.');
    if (transaction.isCompleted()) throw completedError();
    return query.call(this, conn, obj);
  };
  client.acquireConnection = () => Promise.resolve(db);
  client.releaseConnection = () => Promise.resolve();
  return client;
}
