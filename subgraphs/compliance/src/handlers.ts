import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedHandler } from '../../../messaging';
import {
  EMPLOYEE_EVENTS,
  type EmployeeEvent,
  lockableCopyKeeping,
  updateEmployeeCopy,
} from '../../../runtime';
import { EmployeeCopySchema } from './entities';

const employeeCopy = lockableCopyKeeping(EmployeeCopySchema);

/** Applies one employees event to compliance's copy. */
export async function applyEmployeeEvent(em: EntityManager, event: EmployeeEvent): Promise<void> {
  await updateEmployeeCopy(em, event, employeeCopy);
}

/** Keeps compliance's copy of employees: status, manager, department, location, zone. */
export const employeeCopyHandler: CataloguedHandler<EmployeeEvent['type']> = {
  name: 'employee_copy',
  types: EMPLOYEE_EVENTS,
  handle: (event, { em }) => applyEmployeeEvent(em, event),
};
