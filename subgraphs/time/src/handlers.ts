import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedHandler } from '../../../messaging';
import {
  copyKnowing,
  EMPLOYEE_EVENTS,
  type EmployeeEvent,
  lockableCopyKeeping,
  updateEmployeeCopy,
} from '../../../runtime';
import { EmployeeCopySchema } from './entities';

const employeeCopy = lockableCopyKeeping(EmployeeCopySchema);

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing = copyKnowing(employeeCopy);

/** Applies one employees event to time's copy: status, manager and zone. */
export async function applyEmployeeEvent(em: EntityManager, event: EmployeeEvent): Promise<void> {
  await updateEmployeeCopy(em, event, employeeCopy);
}

/** Keeps time's copy of employees and their reporting lines, through an inbox. */
export const employeeCopyHandler: CataloguedHandler<EmployeeEvent['type']> = {
  name: 'employee_copy',
  types: EMPLOYEE_EVENTS,
  handle: (event, { em }) => applyEmployeeEvent(em, event),
};
