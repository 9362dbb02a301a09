import type { JetStreamClient } from '@nats-io/jetstream';
import { errorMessage } from '../errors';
import type { RelayRow } from './outboxRows';

/** What publishing needs, and the count of acknowledged publishes for fault injection. */
export interface Publisher {
  js: JetStreamClient;
  streamName: string;
  /** How long to wait for JetStream's ack of one publish. */
  publishTimeoutMs: number;
  /** Fault injection: SIGKILL right after this many acknowledged publishes. */
  killAfterPublishes?: number;
  publishes: number;
}

/** What one round came to; `error` when a publish failed and the rest of the batch waits. */
export interface RelayRound {
  published: number;
  claimed: number;
  error?: unknown;
}

/**
 * Most publishes awaiting JetStream's ack at once. One at a time, the relay spent a round
 * trip per event and published about 2,000 a second at best; a consumer that emits two events
 * for each it applies was held to half that.
 */
export const PUBLISHES_IN_FLIGHT = 64;

/** The entity a row's event is about (the envelope's `subject`); the row itself if unreadable. */
function entityOf(row: RelayRow): string {
  try {
    const { subject } = JSON.parse(row.payload) as { subject?: unknown };
    return typeof subject === 'string' ? `entity:${subject}` : `row:${row.id}`;
  } catch {
    return `row:${row.id}`;
  }
}

/**
 * Publishes rows with msgID = event id, marking each one JetStream acknowledges as sent. Up
 * to PUBLISHES_IN_FLIGHT wait for their acks together, but an entity's rows go one after the
 * other, each once the one before it is acknowledged: a failed publish can never let an
 * entity's later event into the stream before its earlier one. After the first failure no
 * publish starts; the failed rows and those not sent wait for the next round.
 */
export async function publishRows(publisher: Publisher, rows: RelayRow[]): Promise<RelayRound> {
  const round: RelayRound = { published: 0, claimed: rows.length };
  const lastOf = new Map<string, Promise<boolean>>();
  const inFlight = new Set<Promise<boolean>>();
  for (const row of rows) {
    if (round.error !== undefined) break;
    if (inFlight.size >= PUBLISHES_IN_FLIGHT) await Promise.race(inFlight);
    const entity = entityOf(row);
    const before = lastOf.get(entity) ?? Promise.resolve(true);
    const publish = before.then((ok) => ok && round.error === undefined && publishRow(row));
    const settled = publish.then((ok) => {
      inFlight.delete(settled);
      if (ok) round.published += 1;
      return ok;
    });
    lastOf.set(entity, settled);
    inFlight.add(settled);
  }
  await Promise.all(inFlight);
  return round;

  async function publishRow(row: RelayRow): Promise<boolean> {
    try {
      await publisher.js.publish(row.subject, row.payload, {
        msgID: row.id,
        timeout: publisher.publishTimeoutMs,
        expect: { streamName: publisher.streamName },
      });
    } catch (error) {
      row.attempts += 1;
      row.lastError = errorMessage(error).slice(0, 1000);
      round.error ??= error;
      return false;
    }
    row.sentAt = new Date();
    publisher.publishes += 1;
    if (publisher.publishes === publisher.killAfterPublishes) process.kill(process.pid, 'SIGKILL');
    return true;
  }
}
