import type { EntityManager } from '@mikro-orm/knex';
import { type CataloguedHandler, handleEachInBatch } from '../../../messaging';
import {
  EMPLOYEE_LOOKED_UP,
  type EmployeeEvent,
  type EmployeeEventData,
  type EmployeeKnowing,
} from '../../../runtime';
import { KnownEmployeeSchema } from './entities';

const terminates = (type: string, data: EmployeeEventData) =>
  type === 'employees.employee.terminated' ||
  (type === EMPLOYEE_LOOKED_UP && data.status === 'TERMINATED');

/**
 * Applies one employees event, or a record looked up from employees, to the copy;
 * what is older than the copy is ignored.
 */
export async function applyEmployeeEvent(
  em: EntityManager,
  event: { type: string; data: EmployeeEventData },
): Promise<void> {
  const { data } = event;
  const carriesManager = 'managerId' in data;
  let copy = await em.findOne(KnownEmployeeSchema, data.employeeId);
  if (!copy) {
    copy = em.create(KnownEmployeeSchema, {
      id: data.employeeId,
      employeeNumber: data.employeeNumber,
      managerId: null,
      terminated: false,
      version: 0,
      managerVersion: 0,
    });
    em.persist(copy);
  }
  if (carriesManager && data.version > copy.managerVersion) {
    copy.managerId = data.managerId ?? null;
    copy.managerVersion = data.version;
  }
  if (terminates(event.type, data)) copy.terminated = true;
  if (data.version > copy.version) {
    copy.employeeNumber = data.employeeNumber;
    copy.version = data.version;
  }
  await em.flush();
}

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing: EmployeeKnowing = {
  has: async (em, employeeId) => (await em.count(KnownEmployeeSchema, { id: employeeId })) > 0,
  apply: applyEmployeeEvent,
};

/**
 * Keeps the local copy of employees (number, manager, terminated) that imports
 * and reporting-line checks need; an event older than the copy is ignored.
 */
type CopyHandler = CataloguedHandler<
  Exclude<EmployeeEvent['type'], 'employees.employee.status_changed'>
>;
const applyToCopy: CopyHandler['handle'] = (event, { em }) =>
  applyEmployeeEvent(em as EntityManager, event);

export const employeeCopyHandler: CopyHandler = {
  name: 'employee_copy',
  types: [
    'employees.employee.created',
    'employees.employee.updated',
    'employees.employee.terminated',
    'employees.manager.assigned',
  ],
  handle: applyToCopy,
  // A bulk hire commits once per batch, not once per person.
  handleBatch: handleEachInBatch(applyToCopy),
};
