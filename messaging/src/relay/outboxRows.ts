import type { EntityManager } from '@mikro-orm/core';
import { queryBound, quotedTable } from '../insertRows';
import { OutboxEntry } from '../outbox';

/** What the relay reads of an unsent row, and what publishing it changes. */
export type RelayRow = Pick<
  OutboxEntry,
  'id' | 'subject' | 'payload' | 'attempts' | 'lastError' | 'sentAt'
>;

/** The outbox's table and the columns the relay uses, as the database names them. */
function outboxTable(em: EntityManager) {
  const meta = em.getMetadata().get<OutboxEntry>(OutboxEntry.meta.className);
  const column = (name: keyof OutboxEntry) => meta.properties[name].fieldNames[0]!;
  return {
    table: quotedTable(em, OutboxEntry),
    id: column('id'),
    subject: column('subject'),
    payload: column('payload'),
    attempts: column('attempts'),
    lastError: column('lastError'),
    createdAt: column('createdAt'),
    sentAt: column('sentAt'),
  };
}

type OutboxTable = ReturnType<typeof outboxTable>;

/** Each ORM's outbox names, made once: the relay runs a round or two per event. */
const tables = new WeakMap<object, OutboxTable>();
function tableOf(em: EntityManager): OutboxTable {
  let table = tables.get(em.getMetadata());
  if (!table) tables.set(em.getMetadata(), (table = outboxTable(em)));
  return table;
}

/**
 * The oldest unsent rows, at most `limit`; with `lock` (PostgreSQL) locked to the end of
 * `em`'s transaction, skipping rows another replica holds. Plain statements: through the unit
 * of work a one-row round cost about six times as much (hydrating, tracking, a change set).
 */
export async function claimRows(
  em: EntityManager,
  limit: number,
  lock: boolean,
): Promise<RelayRow[]> {
  const t = tableOf(em);
  const rows = await queryBound<Record<string, unknown>>(
    em,
    `select ${t.id} as id, ${t.subject} as subject, ${t.payload} as payload, ` +
      `${t.attempts} as attempts, ${t.lastError} as last_error from ${t.table} ` +
      `where ${t.sentAt} is null order by ${t.createdAt} asc, ${t.id} asc limit ?` +
      (lock ? ' for update skip locked' : ''),
    [limit],
  );
  return rows.map((row) => ({
    id: String(row.id),
    subject: String(row.subject),
    payload: String(row.payload),
    attempts: Number(row.attempts),
    lastError: row.last_error == null ? null : String(row.last_error),
    sentAt: null,
  }));
}

/**
 * Saves what became of claimed rows: those published are marked sent, in one statement;
 * each whose publish failed keeps its count of attempts and its error. Rows the round did
 * not reach are not given.
 */
export async function saveRows(
  em: EntityManager,
  sent: readonly RelayRow[],
  failed: readonly RelayRow[],
): Promise<void> {
  const t = tableOf(em);
  if (sent.length > 0) {
    const ids = sent.map((row) => row.id);
    await queryBound(
      em,
      `update ${t.table} set ${t.sentAt} = ? where ${t.id} in (${ids.map(() => '?').join(', ')})`,
      [new Date(), ...ids],
    );
  }
  for (const row of failed) {
    await queryBound(
      em,
      `update ${t.table} set ${t.attempts} = ?, ${t.lastError} = ? where ${t.id} = ?`,
      [row.attempts, row.lastError, row.id],
    );
  }
}
