import { defineDomainErrors, policyLabel, policyRef, type PolicyVersion } from '../../../runtime';
import type { WorkingTimeRule } from './workingTimeRules';

/** Why time refuses, beyond the shared reasons, under the code each is answered with. */
export const timeErrors = defineDomainErrors('TimeError', {
  BAD_USER_INPUT: ['UNKNOWN_EMPLOYEE'],
  POLICY_VIOLATION: [
    'EMPLOYEE_TERMINATED',
    'TIME_ENTRY_OVERLAP',
    // The working-time rules (docs/working-time.md).
    'FUTURE_START',
    'MAX_ENTRY_LENGTH',
    'DAILY_OVERTIME_CAP',
    'MINIMUM_BREAK',
  ],
  NOT_FOUND: ['TIME_ENTRY_NOT_FOUND'],
});

export const TimeReason = timeErrors.reasons;
export type TimeReason = keyof typeof TimeReason;

/** What the stale-version and lost-race refusals call the record. */
export const TIME_ENTRY = 'The time entry';

/** How a new or changed entry meets one it clashes with. */
export type Clash = 'START' | 'END' | 'BOTH';

export interface ClashingEntry {
  id: string;
  startTime: string;
  endTime: string | null;
  clash: Clash;
}

export const { invalid, forbidden } = timeErrors;

export const unknownEmployee = (id: string) =>
  timeErrors.unknownEmployee(TimeReason.UNKNOWN_EMPLOYEE, id);

export const employeeTerminated = (id: string) =>
  timeErrors.employeeTerminated(TimeReason.EMPLOYEE_TERMINATED, id, 'no new time can be recorded');

export const entryNotFound = (id: string) =>
  timeErrors.notFound(TimeReason.TIME_ENTRY_NOT_FOUND, 'Time entry', id);

/** An overlap is a policy violation, as in every domain; `clashes` says how each entry meets. */
export const overlap = (clashes: ClashingEntry[]) =>
  timeErrors.error(
    TimeReason.TIME_ENTRY_OVERLAP,
    `The entry overlaps ${clashes.length} other ${clashes.length === 1 ? 'entry' : 'entries'} of the employee.`,
    { extensions: { clashes } },
  );

/** A working-time rule an entry breaks: the field at fault, the limit and the entry's value. */
export interface Breach {
  rule: WorkingTimeRule;
  field: string;
  message: string;
  limit: number | string;
  actual: number | string;
  /** More facts the client may show (the local day, the hours after which a break is due). */
  details?: Record<string, unknown>;
}

/** The refusal of a breach, naming the WORKING_TIME version that judged it. */
export const ruleBroken = (
  { rule, field, message, limit, actual, details }: Breach,
  policy: PolicyVersion<'WORKING_TIME'>,
) =>
  timeErrors.error(TimeReason[rule], `${message} (${policyLabel(policy)})`, {
    field,
    extensions: { limit, actual, ...details, policy: policyRef(policy) },
  });
