import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import { CipherError, type Cipher } from './cipher';

/** What re-encryption did to one table's sealed values. */
export interface ReencryptCount {
  /** The table, as the database names it. */
  table: string;
  /** Values sealed again with the current key. */
  reencrypted: number;
  /** Values sealed with the current key already. */
  current: number;
  /** Values a business change rewrote while this ran (sealed with the current key by it). */
  changedMeanwhile: number;
  /** Values no key of the ring opens, left as they are. */
  unreadable: number;
  /** Key ids those values name that the ring lacks. */
  missingKids: string[];
}

export interface ReencryptOptions {
  /** Rows read and rewritten per transaction (default 500). */
  batchSize?: number;
}

/**
 * Seals every value of `sealedColumns` (entity name -> properties, a module's
 * `sealedColumns`) again with the cipher's current key, `batchSize` rows per transaction.
 *
 * It writes the sealed columns alone, with SQL, so a row's `version`, `updatedAt` and events
 * stay as they were: the business data is the same, only its encryption changed. Each row is
 * rewritten only if its sealed values are still the ones read (compare-and-set), so a change
 * made meanwhile is never overwritten. A batch commits whole; stopped midway, a run leaves
 * every row readable, and the next run carries on from what is not current yet.
 */
export async function reencryptSealed(
  em: EntityManager,
  sealedColumns: Record<string, readonly string[]>,
  cipher: Cipher,
  options: ReencryptOptions = {},
): Promise<ReencryptCount[]> {
  const counts: ReencryptCount[] = [];
  for (const [entity, properties] of Object.entries(sealedColumns)) {
    counts.push(await reencryptTable(em, tableOf(em, entity, properties), cipher, options));
  }
  return counts;
}

interface SealedTable {
  name: string;
  schema?: string;
  key: string;
  columns: string[];
}

function tableOf(em: EntityManager, entity: string, properties: readonly string[]): SealedTable {
  const meta = em.getMetadata().get(entity);
  const field = (property: string) => {
    const column = meta.properties[property as never]?.fieldNames?.[0];
    if (!column) throw new TypeError(`${entity} has no property "${property}".`);
    return column;
  };
  if (meta.primaryKeys.length !== 1) throw new TypeError(`${entity} needs a one-column key.`);
  return {
    name: meta.tableName,
    schema: em.config.get('schema') || undefined,
    key: field(meta.primaryKeys[0] as string),
    columns: properties.map(field),
  };
}

type Row = Record<string, string | null>;

async function reencryptTable(
  em: EntityManager,
  table: SealedTable,
  cipher: Cipher,
  options: ReencryptOptions,
): Promise<ReencryptCount> {
  const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
  const from = (db: Knex) =>
    table.schema ? db(table.name).withSchema(table.schema) : db(table.name);
  const count: ReencryptCount = {
    table: table.name,
    reencrypted: 0,
    current: 0,
    changedMeanwhile: 0,
    unreadable: 0,
    missingKids: [],
  };
  const batchSize = options.batchSize ?? 500;
  let after: string | undefined;
  for (;;) {
    // Keyset pages over rows with a sealed value: each read is an index range.
    const rows: Row[] = await from(knex)
      .select(table.key, ...table.columns)
      .where((q) => {
        for (const column of table.columns) q.orWhereNotNull(column);
      })
      .modify((q) => (after === undefined ? q : q.where(table.key, '>', after)))
      .orderBy(table.key)
      .limit(batchSize);
    if (rows.length === 0) return count;
    await knex.transaction(async (trx) => {
      for (const row of rows) await reencryptRow(from(trx), table, row, cipher, count);
    });
    after = rows[rows.length - 1]![table.key]!;
  }
}

async function reencryptRow(
  query: Knex.QueryBuilder,
  table: SealedTable,
  row: Row,
  cipher: Cipher,
  count: ReencryptCount,
): Promise<void> {
  const updates: Row = {};
  for (const column of table.columns) {
    const sealed = row[column];
    if (sealed == null) continue;
    if (cipher.isCurrent(sealed)) {
      count.current++;
      continue;
    }
    try {
      updates[column] = cipher.encrypt(cipher.decrypt(sealed));
    } catch (error) {
      if (!(error instanceof CipherError)) throw error;
      count.unreadable++;
      if (error.kid && !count.missingKids.includes(error.kid)) count.missingKids.push(error.kid);
    }
  }
  const changed = Object.keys(updates);
  if (changed.length === 0) return;
  const unchanged = Object.fromEntries(changed.map((column) => [column, row[column]]));
  const written = await query.where({ [table.key]: row[table.key], ...unchanged }).update(updates);
  if (written === 1) count.reencrypted += changed.length;
  else count.changedMeanwhile += changed.length;
}
