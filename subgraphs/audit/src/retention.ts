import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_NAMESPACE, createEvent, recordEvent } from '../../../messaging/src';
import type { EventDraft, JobDefinition, Namespace } from '../../../messaging/src/types';
import { addDays } from '../../../runtime/src/calendar';
import { chainEnd, lockChain } from './AuditLog';
import { AuditEntrySchema, type AuditEntry } from './entities';
import { AuditReason, badField } from './errors';
import { retentionDays } from './retentionDays';
import { retentionDaysAt } from './retentionPolicy';

export const PURGED_EVENT = 'audit.retention.purged';

/** Who a purge is attributed to when no request made it. */
export const RETENTION_ACTOR = 'service:audit-retention';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeOptions {
  /** Entries whose change happened before this are deleted. */
  before: Date;
  /** Defaults to the RETENTION policy in force at `now` (version 1: RETENTION_DAYS, 365). */
  retentionDays?: number;
  now?: Date;
  /** The input field `before` came from, named in errors. */
  field?: string;
  /** Records the purge event in the outbox; defaults to one attributed to the retention job. */
  emit?: (tx: EntityManager, draft: EventDraft) => void;
  namespace?: Namespace;
}

export interface PurgeResult {
  before: Date;
  deleted: number;
  firstRemainingId: string | null;
}

/** The cut-off a daily job passes: the retention period before `now`. */
export const expiryCutoff = (now = new Date(), days = retentionDays()): Date =>
  new Date(now.getTime() - days * DAY_MS);

/** Deletes the expired entries (see {@link purgeEntries}) in a fresh context. */
export function purgeExpired(orm: MikroORM, options: PurgeOptions): Promise<PurgeResult> {
  return purgeEntries(orm.em.fork() as EntityManager, options);
}

/**
 * Deletes the entries older than `before`, in one transaction with the event
 * that records it. Only a head of the chain is removed (everything before the
 * first entry to keep), so the chain stays whole; the newest entry always
 * stays, so the chain goes on from it.
 */
export async function purgeEntries(em: EntityManager, options: PurgeOptions): Promise<PurgeResult> {
  const now = options.now ?? new Date();
  const days = options.retentionDays ?? (await retentionDaysAt(em, now));
  if (options.before > expiryCutoff(now, days)) {
    const field = options.field ?? 'before';
    throw badField(
      AuditReason.WITHIN_RETENTION,
      field,
      `${field} must be at least ${days} days (the retention period) in the past.`,
    );
  }
  return em.transactional(async (tx) => {
    await lockChain(tx);
    const kept = await firstToKeep(tx, options.before);
    const deleted = kept ? await tx.nativeDelete(AuditEntrySchema, { seq: { $lt: kept.seq } }) : 0;
    const emit = options.emit ?? defaultEmit(options.namespace);
    emit(tx, {
      type: PURGED_EVENT,
      subject: uuidv7(),
      data: { purgedCount: deleted, before: options.before.toISOString() },
    });
    return { before: options.before, deleted, firstRemainingId: kept?.id ?? null };
  });
}

/** The first entry in chain order that happened at or after `before`, else the newest. */
async function firstToKeep(tx: EntityManager, before: Date): Promise<AuditEntry | null> {
  const fresh = await tx.findOne(
    AuditEntrySchema,
    { occurredAt: { $gte: before } },
    { orderBy: { seq: 'asc' } },
  );
  return fresh ?? chainEnd(tx, 'desc');
}

function defaultEmit(namespace: Namespace = DEFAULT_NAMESPACE) {
  const correlationId = uuidv7();
  return (tx: EntityManager, draft: EventDraft) =>
    recordEvent(
      tx,
      createEvent(draft, { source: '/subgraphs/audit', correlationId, actor: RETENTION_ACTOR }),
      namespace,
    );
}

export const PURGE_JOB = 'audit.purgeExpired';

/** When the purge of `date` runs: 02:00 UTC, a quiet hour. */
const purgeRunAt = (date: string) => new Date(`${date}T02:00:00.000Z`);

/**
 * The daily retention purge, id `audit.purgeExpired:<date>`: deletes what is older than
 * the RETENTION policy in force at the run (RETENTION_DAYS until HR changes it). `plan`
 * names today's run (at once when 02:00 has passed) and tomorrow's.
 */
export const purgeExpiredJob: JobDefinition = {
  name: PURGE_JOB,
  plan(now) {
    const today = now.toISOString().slice(0, 10);
    return [today, addDays(today, 1)].map((date) => ({
      id: `${PURGE_JOB}:${date}`,
      job: PURGE_JOB,
      runAt: purgeRunAt(date),
      payload: {},
    }));
  },
  async run(ctx) {
    const em = ctx.em as EntityManager;
    const days = await retentionDaysAt(em, ctx.runAt);
    await purgeEntries(em, {
      before: expiryCutoff(ctx.runAt, days),
      retentionDays: days,
      now: ctx.runAt,
      emit: (_tx, draft) => ctx.emit(draft),
    });
  },
};
