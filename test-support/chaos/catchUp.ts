import type { Client } from 'pg';
import type { JetStreamManager } from '@nats-io/jetstream';
import { DEFAULT_NAMESPACE, eventsStream } from '../../messaging';
import { waitFor } from '../waitFor';

/** Subgraph schemas that hold a table `table`. */
export async function schemasWith(db: Client, table: string): Promise<string[]> {
  const { rows } = await db.query(
    'select table_schema from information_schema.tables where table_name = $1 order by 1',
    [table],
  );
  return rows.map((r) => r.table_schema as string);
}

/** Events committed but not yet published, over every subgraph's outbox. */
export async function unsentEvents(db: Client): Promise<number> {
  let total = 0;
  for (const schema of await schemasWith(db, 'outbox')) {
    const { rows } = await db.query(
      `select count(*)::int as n from "${schema}".outbox where sent_at is null`,
    );
    total += rows[0].n as number;
  }
  return total;
}

/** Durable consumers with events not yet delivered or not yet acknowledged. */
export async function busyConsumers(jsm: JetStreamManager): Promise<string[]> {
  const busy: string[] = [];
  for await (const info of jsm.consumers.list(eventsStream(DEFAULT_NAMESPACE))) {
    if (info.num_pending > 0 || info.num_ack_pending > 0) busy.push(info.name);
  }
  return busy;
}

/**
 * Waits until the platform has caught up: every consumer has acknowledged everything in the
 * stream, then every outbox is empty (read in that order, so a follow-up event committed
 * before its cause's ack is seen either as unsent or as pending).
 */
export async function waitForCatchUp(
  db: Client,
  jsm: JetStreamManager,
  timeoutMs: number,
): Promise<void> {
  await waitFor(
    async () => {
      try {
        if ((await busyConsumers(jsm)).length > 0) return undefined;
        return (await unsentEvents(db)) === 0 ? true : undefined;
      } catch {
        return undefined; // a server still coming back
      }
    },
    timeoutMs,
    250,
  );
}
