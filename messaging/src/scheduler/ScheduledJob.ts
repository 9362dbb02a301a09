import { DateTimeType, EntitySchema } from '@mikro-orm/core';

/** Where an occurrence is: waiting, claimed by a replica, finished, or given up on. */
export type ScheduledJobStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';

/** One occurrence of a job; its id makes it unique for ever (a DONE one is never run again). */
export interface ScheduledJob {
  /** The {@link JobDraft} id, e.g. `billing.dailyClose:2026-11-21`. */
  id: string;
  /** The {@link JobDefinition} name that runs it. */
  job: string;
  /** Due from this time on; after a failure, the time of the next attempt. */
  runAt: Date;
  payload: Record<string, unknown>;
  status: ScheduledJobStatus;
  /** Claims so far, including the one running now. */
  attempts: number;
  /** The replica that holds (or last held) the lease. */
  leaseOwner: string | null;
  /** A RUNNING occurrence whose lease ended before this time may be taken over. */
  leaseUntil: Date | null;
  /** The error of the last failed attempt. */
  lastError: string | null;
  createdAt: Date;
  /** When it became DONE or FAILED. */
  finishedAt: Date | null;
}

/** The `scheduled_jobs` table; the subgraph runtime adds it to every subgraph. */
export const ScheduledJob = new EntitySchema<ScheduledJob>({
  name: 'ScheduledJob',
  tableName: 'scheduled_jobs',
  properties: {
    id: { type: 'string', length: 200, primary: true },
    job: { type: 'string', length: 200 },
    runAt: { type: DateTimeType },
    payload: { type: 'json' },
    status: { type: 'string', length: 16 },
    attempts: { type: 'integer', default: 0 },
    leaseOwner: { type: 'string', length: 200, nullable: true },
    leaseUntil: { type: DateTimeType, nullable: true },
    lastError: { type: 'text', nullable: true },
    createdAt: { type: DateTimeType },
    finishedAt: { type: DateTimeType, nullable: true },
  },
  // Replicas look for due occurrences by status and time.
  indexes: [{ properties: ['status', 'runAt'] }],
});
