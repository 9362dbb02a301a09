import { EntitySchema } from '@mikro-orm/core';
import { employeeCopySchema, type LockableEmployeeCopy, policyCopySchema } from '../../../runtime';

export const PERIOD_TYPES = [
  'SHIFT',
  'OVERTIME',
  'ON_CALL',
  'TRAINING',
  'ABSENCE',
  'SCHEDULED_REST_DAY',
  'NON_WORKING_DAY',
] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** One recorded period of a person's time. Instants are stored in UTC. */
export interface TimeEntry {
  id: string;
  employeeId: string;
  periodType: PeriodType;
  shiftType: string | null;
  startTime: Date;
  /** Null while the entry is open. */
  endTime: Date | null;
  mealBreakMinutes: number;
  version: number;
  /** Of the mutation that last changed the entry. */
  correlationId: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set by a deletion; the row stays as a tombstone and is hidden from every read. */
  deletedAt: Date | null;
}

export const TimeEntrySchema = new EntitySchema<TimeEntry>({
  name: 'TimeEntry',
  tableName: 'time_entries',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    periodType: { type: 'string', length: 30 },
    shiftType: { type: 'string', length: 50, nullable: true },
    startTime: { type: Date },
    endTime: { type: Date, nullable: true },
    mealBreakMinutes: { type: 'integer' },
    // Optimistic lock: every flush that changes the row adds one and checks the old value.
    version: { type: 'integer', version: true },
    correlationId: { type: 'string', length: 200 },
    createdAt: { type: Date },
    updatedAt: { type: Date },
    deletedAt: { type: Date, nullable: true },
  },
  indexes: [{ name: 'time_entries_employee_start', properties: ['employeeId', 'startTime'] }],
});

export { EMPLOYEE_STATUSES, type EmployeeStatus } from '../../../runtime';

/**
 * Time's own copy of what it needs of an employee, fed by employees' events, so
 * time keeps deciding while the employees subgraph is down.
 */
export interface EmployeeCopy extends LockableEmployeeCopy {
  timeZone: string;
}

export const EmployeeCopySchema = employeeCopySchema<EmployeeCopy>(
  'EmployeeCopy',
  'time_employees',
  ['timeZone'],
);

/** One planned shift of a published schedule. */
export interface ScheduledShift {
  id: string;
  employeeId: string;
  /** The publication it came with. */
  scheduleId: string;
  start: Date;
  end: Date;
  shiftType: string | null;
  publishedAt: Date;
  correlationId: string;
}

export const ScheduledShiftSchema = new EntitySchema<ScheduledShift>({
  name: 'ScheduledShift',
  tableName: 'scheduled_shifts',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    scheduleId: { type: 'string', length: 36, index: true },
    start: { type: Date, fieldName: 'start_time' },
    end: { type: Date, fieldName: 'end_time' },
    shiftType: { type: 'string', length: 50, nullable: true },
    publishedAt: { type: Date },
    correlationId: { type: 'string', length: 200 },
  },
  indexes: [{ name: 'scheduled_shifts_employee_start', properties: ['employeeId', 'start'] }],
});

/** Time's copy of compliance's WORKING_TIME versions, fed by `compliance.policy.updated`. */
export const PolicyCopySchema = policyCopySchema('PolicyCopy', 'time_policy_copies');

export const entities = [
  TimeEntrySchema,
  EmployeeCopySchema,
  ScheduledShiftSchema,
  PolicyCopySchema,
];
