import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlerDefinition } from '../../../messaging/src/types';
import { EmployeeCopySchema, type EmployeeCopy, type EmployeeStatus } from './entities';
import { DEFAULT_TIME_ZONE } from './validation';

/** The employees events time keeps its copy from. */
export const EMPLOYEE_EVENTS = [
  'employees.employee.created',
  'employees.employee.updated',
  'employees.employee.status_changed',
  'employees.employee.terminated',
  'employees.manager.assigned',
];

type Patch = Partial<Pick<EmployeeCopy, 'status' | 'managerId' | 'timeZone'>>;

interface EmployeeEventData {
  employeeId: string;
  version: number;
  status?: EmployeeStatus;
  managerId?: string | null;
  timeZone?: string;
  to?: EmployeeStatus;
  changes?: { timeZone?: { new: string | null } };
}

/** What an employees event says about the fields time keeps. */
function patchOf(type: string, data: EmployeeEventData): Patch {
  switch (type) {
    case 'employees.employee.created':
      return { status: data.status, managerId: data.managerId ?? null, timeZone: data.timeZone };
    case 'employees.employee.updated':
      return data.changes?.timeZone?.new ? { timeZone: data.changes.timeZone.new } : {};
    case 'employees.employee.status_changed':
      return { status: data.to };
    case 'employees.employee.terminated':
      return { status: 'TERMINATED' };
    case 'employees.manager.assigned':
      return { managerId: data.managerId ?? null };
    default:
      return {};
  }
}

/**
 * Applies one employees event to time's copy. An event no newer than the copy is
 * ignored (DESIGN.md §3.3), so redelivery and reordering never roll the copy back.
 * An event about an employee time has not seen yet starts a copy with what it says.
 */
export async function applyEmployeeEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  const data = event.data as unknown as EmployeeEventData;
  const patch = patchOf(event.type, data);
  const copy = await em.findOne(EmployeeCopySchema, data.employeeId);
  if (copy && copy.version >= data.version) return;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (copy) {
    Object.assign(copy, defined, { version: data.version, updatedAt: new Date() });
  } else {
    em.persist(
      em.create(EmployeeCopySchema, {
        id: data.employeeId,
        status: 'ACTIVE',
        managerId: null,
        timeZone: DEFAULT_TIME_ZONE,
        ...defined,
        version: data.version,
        writeLock: 0,
        updatedAt: new Date(),
      }),
    );
  }
}

/** Keeps time's copy of employees and their reporting lines, through an inbox. */
export const employeeCopyHandler: EventHandlerDefinition = {
  name: 'employee_copy',
  types: EMPLOYEE_EVENTS,
  handle: (event, { em }) => applyEmployeeEvent(em, event),
};
