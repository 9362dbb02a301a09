import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';

/**
 * A SQL statement as tests compare it on SQLite and PostgreSQL alike (in the manner of
 * MikroORM's own tests, which assert the statements sent): identifier quotes and the
 * subgraph's schema dropped, whitespace collapsed, each literal `in (...)` list written as
 * its length and each multi-row insert as its row count. So
 * `select e0.* from employees as e0 where e0.id in (50 values)` says one query answered
 * fifty keys, and `insert into attendance_days (50 rows)` that one statement wrote fifty.
 */
export function sqlShape(sql: string): string {
  const text = sql
    .replace(/[`"]/g, '')
    .replace(/\b(from|join|into|update) (\w+)\.(\w+)/gi, '$1 $3')
    .replace(/\s+/g, ' ')
    .trim();
  const transaction = /^(begin|commit|rollback|(?:release |rollback to )?savepoint \w+);?$/i.exec(
    text,
  );
  if (transaction) return transaction[1]!.toLowerCase();
  const insert = /^insert into (\w+) \([^)]*\) values (.*)$/i.exec(text);
  if (insert) return `insert into ${insert[1]} (${rowsAndRest(insert[2]!)}`;
  return text.replace(
    /\bin \(((?!select\b)[^()]*)\)/gi,
    (_all, list: string) => `in (${values(countValues(list))})`,
  );
}

/** A statement as knex reports it in its `query` event. */
export interface SentQuery {
  sql: string;
  bindings?: readonly unknown[];
}

/**
 * The statement with its bound values written where its `?` (or PostgreSQL's `$1`) stand, so
 * a test reads the same text on both databases: on SQLite the values are bound; on PostgreSQL
 * MikroORM writes them in, and the platform's own bound statements send `$1`, `$2`….
 */
export function sentSql({ sql, bindings }: SentQuery): string {
  if (!bindings?.length) return sql;
  if (/\$\d/.test(sql))
    return sql.replace(/\$(\d+)/g, (_all, n: string) => literal(bindings[+n - 1]));
  let next = 0;
  return sql.replace(/\?/g, () => literal(bindings[next++]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  // As sqlInstant writes an instant PostgreSQL receives (SQLite's are numbers already).
  if (value instanceof Date) return `'${value.toISOString()}'`;
  return String(value);
}

/**
 * The shapes of the statements a request sent, without the scheduler's polls of its table,
 * which run beside any request in the background.
 */
export const requestSql = (sql: readonly string[]): string[] =>
  sql.map(sqlShape).filter((statement) => !/\bscheduled_jobs\b/.test(statement));

/**
 * The shape of runtime's `managerChains` query: the reporting lines above `count` employees
 * of a subgraph's copy `table`, every level in one statement.
 */
export const managerChainsSql = (table: string, count: number) =>
  'with recursive chain(start_id, manager_id, depth) as ( ' +
  `select id, manager_id, 0 from ${table} where id in (${values(count)}) union all ` +
  'select chain.start_id, e.manager_id, chain.depth + 1 ' +
  `from chain join ${table} e on e.id = chain.manager_id where chain.depth < 64 ) ` +
  'select start_id, manager_id from chain where manager_id is not null order by start_id, depth';

/** An instant as the database receives it: SQLite keeps epoch milliseconds. */
export const sqlInstant = (db: { url?: string }, iso: string) =>
  db.url ? `'${new Date(iso).toISOString()}'` : String(Date.parse(iso));

/** How many values a literal list holds, e.g. `'a', 'b'` holds 2. */
const countValues = (list: string) => (list.match(/'(?:[^']|'')*'|[^,\s][^,]*/g) ?? []).length;

const values = (n: number) => `${n} ${n === 1 ? 'value' : 'values'}`;

/** `(a, 'b'), (c, 'd') returning id` as `2 rows) returning id`. */
function rowsAndRest(tuples: string): string {
  let rows = 0;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < tuples.length; i += 1) {
    const char = tuples[i];
    if (quoted) {
      if (char === "'" && tuples[i + 1] === "'") i += 1;
      else if (char === "'") quoted = false;
    } else if (char === "'") quoted = true;
    else if (char === '(' && depth++ === 0) rows += 1;
    else if (char === ')') depth -= 1;
    else if (depth === 0 && /[a-z]/i.test(char!)) {
      return `${rows} ${rows === 1 ? 'row' : 'rows'}) ${tuples.slice(i)}`;
    }
  }
  return `${rows} ${rows === 1 ? 'row' : 'rows'})`;
}

/** The statements `run` sends through the connection of `em`, as knex reports them, in order. */
export async function sentQueries(
  em: EntityManager,
  run: () => Promise<unknown>,
): Promise<SentQuery[]> {
  const sent: SentQuery[] = [];
  const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
  const listen = (query: SentQuery) => sent.push(query);
  knex.on('query', listen);
  try {
    await run();
  } finally {
    knex.removeListener('query', listen);
  }
  return sent;
}
