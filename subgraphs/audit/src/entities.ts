import type { InferEntity } from '@mikro-orm/core';
import { policyCopySchema, uuidEntity } from '../../../runtime';

/** Personal data is masked before it gets here (see eventToEntry.ts). */
export type JsonObject = Record<string, unknown>;

/** What an entry records of its change, in the order an export writes them (after seq and id). */
export const RECORDED_FIELDS = [
  'occurredAt',
  'recordedAt',
  'actorId',
  'action',
  'logType',
  'entityType',
  'entityId',
  'subgraph',
  'status',
  'oldValues',
  'newValues',
  'requestId',
  'correlationId',
  'eventId',
] as const;

export const AuditEntrySchema = uuidEntity(
  'AuditEntry',
  'audit_log',
  (p) => ({
    /**
     * The chain the entry belongs to: appenders running at once each extend a chain of
     * their own (appendEntry.ts). 0 for every entry written by a lone appender.
     */
    chain: p.integer().default(0),
    /**
     * Position in its chain; strictly increasing, no gaps except a purged head. A bigint:
     * the sequence never restarts, not even after a purge.
     */
    seq: p.bigint('number'),
    /** The event's time. */
    occurredAt: p.datetime(),
    recordedAt: p.datetime(),
    actorId: p.string().nullable(),
    action: p.string().length(64),
    logType: p.string(),
    entityType: p.string().length(128),
    entityId: p.string(),
    subgraph: p.string().length(128),
    status: p.string().length(32),
    oldValues: p.json<JsonObject>().nullable(),
    newValues: p.json<JsonObject>().nullable(),
    requestId: p.string().nullable(),
    correlationId: p.string().nullable(),
    eventId: p.string().unique(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  }),
  {
    indexes: [
      { properties: ['occurredAt', 'seq'] },
      { properties: ['entityType', 'entityId', 'occurredAt'] },
      { properties: ['actorId', 'occurredAt'] },
      { properties: ['logType', 'occurredAt'] },
      { properties: ['correlationId'] },
    ],
    uniques: [{ name: 'audit_log_chain_seq', properties: ['chain', 'seq'] }],
  },
);
/** One audit log entry: one per event, chained to the one before by its hash. */
export type AuditEntry = InferEntity<typeof AuditEntrySchema>;

/** The versions of compliance's RETENTION policy, from its events: the purge keeps to them. */
export const PolicyCopySchema = policyCopySchema('AuditPolicyCopy', 'audit_policy_copies');

export const auditEntities = [AuditEntrySchema, PolicyCopySchema];
