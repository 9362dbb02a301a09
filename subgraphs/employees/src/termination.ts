import { localDate } from '../../../runtime';
import type { Employee } from './entities';
import { lifecycle } from './errors';
import { employeeTerminated, employeeUpdated, type PendingEvent } from './events';

/**
 * Whether `lastDay` is behind the employee at `at`, on their own calendar: the last day is
 * worked, so employment ends once their local day is past it (docs/domain.md#employees).
 */
export const lastDayPassed = (employee: Pick<Employee, 'timeZone'>, lastDay: string, at: Date) =>
  lastDay < localDate(at, employee.timeZone);

/** Ends the employment after `lastDay`: TERMINATED, final, and the event the others react to. */
export function endEmployment(employee: Employee, lastDay: string): PendingEvent {
  employee.status = 'TERMINATED';
  employee.terminationDate = lastDay;
  return (e) => employeeTerminated(e, lastDay);
}

/**
 * Records (or moves) a last day still to come; the status stays until the end-of-employment
 * job ends it. Null when the day is already the one recorded.
 */
export function scheduleTermination(employee: Employee, lastDay: string): PendingEvent | null {
  return setLastDay(employee, lastDay);
}

/** Removes a scheduled last day: the person stays. Null when none is scheduled. */
export function withdrawTermination(employee: Employee): PendingEvent | null {
  if (employee.status === 'TERMINATED')
    throw lifecycle('The employee is terminated, which is final; there is nothing to withdraw.');
  return setLastDay(employee, null);
}

function setLastDay(employee: Employee, lastDay: string | null): PendingEvent | null {
  const old = employee.terminationDate ?? null;
  if (old === lastDay) return null;
  employee.terminationDate = lastDay;
  const changes = { terminationDate: { old, new: lastDay } };
  return (e) => employeeUpdated(e, changes);
}
