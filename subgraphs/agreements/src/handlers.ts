import type { EntityManager } from '@mikro-orm/knex';
import type { CataloguedHandler } from '../../../messaging';
import {
  EMPLOYEE_LOOKED_UP,
  type EmployeeEvent,
  type EmployeeEventData,
  type EmployeeKnowing,
} from '../../../runtime';
import { type KnownEmployee, KnownEmployeeSchema } from './entities';

const terminates = (type: string, data: EmployeeEventData) =>
  type === 'employees.employee.terminated' ||
  (type === EMPLOYEE_LOOKED_UP && data.status === 'TERMINATED');

type CopyEvent = { type: string; data: EmployeeEventData };

/**
 * Applies one employees event, or a record looked up from employees, to the copy;
 * what is older than the copy is ignored.
 */
export async function applyEmployeeEvent(em: EntityManager, event: CopyEvent): Promise<void> {
  applyToKnown(em, await em.findOne(KnownEmployeeSchema, event.data.employeeId), event);
  await em.flush();
}

/** The batch path: the copies the events name read once, changed in order, flushed once. */
async function applyEmployeeEvents(em: EntityManager, events: CopyEvent[]): Promise<void> {
  const ids = [...new Set(events.map((event) => event.data.employeeId))];
  const found = await em.find(KnownEmployeeSchema, { id: { $in: ids } });
  const copies = new Map(found.map((copy) => [copy.id, copy]));
  for (const event of events) {
    const copy = applyToKnown(em, copies.get(event.data.employeeId) ?? null, event);
    copies.set(copy.id, copy);
  }
  await em.flush();
}

/** The event's change to `copy` (null: none yet), unflushed. */
function applyToKnown(em: EntityManager, known: KnownEmployee | null, event: CopyEvent) {
  const { data } = event;
  const copy =
    known ??
    em.create(KnownEmployeeSchema, {
      id: data.employeeId,
      employeeNumber: data.employeeNumber,
      managerId: null,
      terminated: false,
      version: 0,
      managerVersion: 0,
    });
  if (!known) em.persist(copy);
  if ('managerId' in data && data.version > copy.managerVersion) {
    copy.managerId = data.managerId ?? null;
    copy.managerVersion = data.version;
  }
  if (terminates(event.type, data)) copy.terminated = true;
  if (data.version > copy.version) {
    copy.employeeNumber = data.employeeNumber;
    copy.version = data.version;
  }
  return copy;
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
  // A bulk hire is read and written once per batch, not once per person.
  handleBatch: (events, { em }) => applyEmployeeEvents(em as EntityManager, events),
};
