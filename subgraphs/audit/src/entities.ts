import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { policyCopySchema } from '../../../runtime';

/** Personal data is masked before it gets here (see eventToEntry.ts). */
export type JsonObject = Record<string, unknown>;

/** One audit log entry: one per event, chained to the one before by its hash. */
export interface AuditEntry {
  id: string;
  /** Position in the chain; strictly increasing, no gaps except a purged head. */
  seq: number;
  /** The event's time. */
  occurredAt: Date;
  recordedAt: Date;
  actorId: string | null;
  action: string;
  logType: string;
  entityType: string;
  entityId: string;
  subgraph: string;
  status: string;
  oldValues: JsonObject | null;
  newValues: JsonObject | null;
  requestId: string | null;
  correlationId: string | null;
  eventId: string;
  prevHash: string;
  hash: string;
}

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

export const AuditEntrySchema = new EntitySchema<AuditEntry>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  indexes: [
    { properties: ['occurredAt', 'seq'] },
    { properties: ['entityType', 'entityId', 'occurredAt'] },
    { properties: ['actorId', 'occurredAt'] },
    { properties: ['logType', 'occurredAt'] },
    { properties: ['correlationId'] },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    // bigint: the sequence never restarts, not even after a purge.
    seq: { type: new BigIntType('number'), unique: true },
    occurredAt: { type: 'datetime' },
    recordedAt: { type: 'datetime' },
    actorId: { type: 'string', nullable: true },
    action: { type: 'string', length: 64 },
    logType: { type: 'string' },
    entityType: { type: 'string', length: 128 },
    entityId: { type: 'string' },
    subgraph: { type: 'string', length: 128 },
    status: { type: 'string', length: 32 },
    oldValues: { type: 'json', nullable: true },
    newValues: { type: 'json', nullable: true },
    requestId: { type: 'string', nullable: true },
    correlationId: { type: 'string', nullable: true },
    eventId: { type: 'string', unique: true },
    prevHash: { type: 'string', length: 64 },
    hash: { type: 'string', length: 64 },
  },
});

/** The versions of compliance's RETENTION policy, from its events: the purge keeps to them. */
export const PolicyCopySchema = policyCopySchema('AuditPolicyCopy', 'audit_policy_copies');

export const auditEntities = [AuditEntrySchema, PolicyCopySchema];
