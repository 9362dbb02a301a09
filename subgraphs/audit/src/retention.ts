import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import {
  type CataloguedDraft,
  createEvent,
  DEFAULT_NAMESPACE,
  type Namespace,
  recordEvent,
} from '../../../messaging';
import {
  createPolicyCopies,
  defaultRules,
  type PolicyCopies,
  type PolicyKind,
  type RulesOf,
  SINGLE_KEY,
} from '../../../runtime';
import { chainEnd, chainsInUse, lockAllChains } from './appendEntry';
import { AuditEntrySchema, PolicyCopySchema, type AuditEntry } from './entities';
import { AuditReason, badField } from './errors';
import { retentionPurged } from './events';
import type { AuditSettings } from './settings';

/** Who a purge is attributed to when no request made it. */
export const RETENTION_ACTOR = 'service:audit-retention';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeOptions {
  /** Entries whose change happened before this are deleted. */
  before: Date;
  /** Defaults to the RETENTION policy in force at `now`. */
  retentionDays?: number;
  now?: Date;
  /** The input field `before` came from, named in errors. */
  field?: string;
  /** Records the purge event in the outbox; defaults to one attributed to the retention job. */
  emit?: (tx: EntityManager, draft: CataloguedDraft) => void;
  namespace?: Namespace;
}

export interface PurgeResult {
  before: Date;
  deleted: number;
  firstRemainingId: string | null;
}

/** Audit's copy of compliance's RETENTION policy, and the purge it rules. */
export interface Retention {
  /** The copy of RETENTION, fed by compliance's events. */
  policy: PolicyCopies;
  /** The days an entry is kept under the RETENTION version in force at `at`. */
  daysAt(em: EntityManager, at: Date): Promise<number>;
  /** Deletes the expired entries (see {@link purgeEntries}) under the policy in force. */
  purge(em: EntityManager, options: PurgeOptions): Promise<PurgeResult>;
  /** {@link Retention.purge} in a fresh context. */
  purgeExpired(orm: MikroORM, options: PurgeOptions): Promise<PurgeResult>;
}

/** The cut-off a daily job passes: the retention period before `now`. */
export const expiryCutoff = (now: Date, days: number): Date =>
  new Date(now.getTime() - days * DAY_MS);

/**
 * Version 1 of RETENTION is the configured retention days (RETENTION_DAYS), so without a
 * change by HR the purge keeps what it always kept.
 */
export function createRetention(settings: AuditSettings): Retention {
  const policy = createPolicyCopies({
    schema: PolicyCopySchema,
    kinds: ['RETENTION'],
    defaults: <K extends PolicyKind>(kind: K, key: string) =>
      (kind === 'RETENTION'
        ? { auditRetentionDays: settings.retentionDays() }
        : defaultRules(kind, key)) as RulesOf[K],
  });
  const daysAt = async (em: EntityManager, at: Date) =>
    (await policy.inForce(em, 'RETENTION', SINGLE_KEY, at)).rules.auditRetentionDays;
  const purge = async (em: EntityManager, options: PurgeOptions) => {
    const now = options.now ?? new Date();
    const retentionDays = options.retentionDays ?? (await daysAt(em, now));
    return purgeEntries(em, { ...options, now, retentionDays });
  };
  return {
    policy,
    daysAt,
    purge,
    purgeExpired: (orm, options) => purge(orm.em.fork() as EntityManager, options),
  };
}

/**
 * Deletes the entries older than `before`, in one transaction with the event
 * that records it. Only a head of each chain is removed (everything before its
 * first entry to keep), so every chain stays whole; a chain's newest entry
 * always stays, so the chain goes on from it.
 */
export async function purgeEntries(
  em: EntityManager,
  options: PurgeOptions & { now: Date; retentionDays: number },
): Promise<PurgeResult> {
  const days = options.retentionDays;
  if (options.before > expiryCutoff(options.now, days)) {
    const field = options.field ?? 'before';
    throw badField(
      AuditReason.WITHIN_RETENTION,
      field,
      `${field} must be at least ${days} days (the retention period) in the past.`,
    );
  }
  return em.transactional(async (tx) => {
    await lockAllChains(tx);
    let deleted = 0;
    let oldest: AuditEntry | null = null;
    for (const chain of await chainsInUse(tx)) {
      const kept = await firstToKeep(tx, chain, options.before);
      if (!kept) continue;
      deleted += await tx.nativeDelete(AuditEntrySchema, { chain, seq: { $lt: kept.seq } });
      if (!oldest || kept.occurredAt < oldest.occurredAt) oldest = kept;
    }
    const emit = options.emit ?? defaultEmit(options.namespace);
    emit(tx, retentionPurged(deleted, options.before));
    return { before: options.before, deleted, firstRemainingId: oldest?.id ?? null };
  });
}

/** A chain's first entry in chain order that happened at or after `before`, else its newest. */
async function firstToKeep(
  tx: EntityManager,
  chain: number,
  before: Date,
): Promise<AuditEntry | null> {
  const fresh = await tx.findOne(
    AuditEntrySchema,
    { chain, occurredAt: { $gte: before } },
    { orderBy: { seq: 'asc' } },
  );
  return fresh ?? chainEnd(tx, 'desc', chain);
}

function defaultEmit(namespace: Namespace = DEFAULT_NAMESPACE) {
  const correlationId = uuidv7();
  return (tx: EntityManager, draft: CataloguedDraft) =>
    recordEvent(
      tx,
      createEvent(draft, { source: '/subgraphs/audit', correlationId, actor: RETENTION_ACTOR }),
      namespace,
    );
}
