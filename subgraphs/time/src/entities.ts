import type { InferEntity } from '@mikro-orm/core';
import {
  employeeCopySchema,
  type LockableEmployeeCopy,
  mutationTrail,
  policyCopySchema,
  uuidEntity,
} from '../../../runtime';

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

export const TimeEntrySchema = uuidEntity(
  'TimeEntry',
  'time_entries',
  (p) => ({
    employeeId: p.string().length(36),
    periodType: p.string().$type<PeriodType>().length(30),
    shiftType: p.string().length(50).nullable(),
    startTime: p.datetime(),
    /** Null while the entry is open. */
    endTime: p.datetime().nullable(),
    mealBreakMinutes: p.integer(),
    ...mutationTrail(p),
    /** Set by a deletion; the row stays as a tombstone and is hidden from every read. */
    deletedAt: p.datetime().nullable(),
  }),
  {
    indexes: [
      { name: 'time_entries_employee_start', properties: ['employeeId', 'startTime'] },
      // Leads the overlap check: the entries still running at an instant (findOverlapping).
      { name: 'time_entries_employee_end', properties: ['employeeId', 'endTime'] },
    ],
  },
);

/** One recorded period of a person's time. Instants are stored in UTC. */
export type TimeEntry = InferEntity<typeof TimeEntrySchema>;

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

export const ScheduledShiftSchema = uuidEntity(
  'ScheduledShift',
  'scheduled_shifts',
  (p) => ({
    employeeId: p.string().length(36),
    /** The publication it came with. */
    scheduleId: p.string().length(36).index(),
    start: p.datetime().fieldName('start_time'),
    end: p.datetime().fieldName('end_time'),
    shiftType: p.string().length(50).nullable(),
    publishedAt: p.datetime(),
    correlationId: p.string().length(200),
  }),
  {
    indexes: [{ name: 'scheduled_shifts_employee_start', properties: ['employeeId', 'start'] }],
  },
);

/** One planned shift of a published schedule. */
export type ScheduledShift = InferEntity<typeof ScheduledShiftSchema>;

/** Time's copy of compliance's WORKING_TIME versions, fed by `compliance.policy.updated`. */
export const PolicyCopySchema = policyCopySchema('PolicyCopy', 'time_policy_copies');

export const entities = [
  TimeEntrySchema,
  EmployeeCopySchema,
  ScheduledShiftSchema,
  PolicyCopySchema,
];
