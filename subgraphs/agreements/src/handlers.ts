import type { EventHandlerDefinition } from '../../../messaging/src/types';
import { KnownEmployeeSchema } from './entities';

interface EmployeeEventData {
  employeeId: string;
  employeeNumber: string;
  version: number;
  managerId?: string | null;
}

/**
 * Keeps the local copy of employees (number, manager, terminated) that imports
 * and reporting-line checks need; an event older than the copy is ignored.
 */
export const employeeCopyHandler: EventHandlerDefinition = {
  name: 'employee_copy',
  types: [
    'employees.employee.created',
    'employees.employee.updated',
    'employees.employee.terminated',
    'employees.manager.assigned',
  ],
  async handle(event, { em }) {
    const data = event.data as unknown as EmployeeEventData;
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
    if (event.type === 'employees.employee.terminated') copy.terminated = true;
    if (data.version > copy.version) {
      copy.employeeNumber = data.employeeNumber;
      copy.version = data.version;
    }
    await em.flush();
  },
};
