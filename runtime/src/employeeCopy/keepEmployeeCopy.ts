import type { EntityManager, EntitySchema } from '@mikro-orm/core';
import type { CataloguedHandler } from '../../../messaging';
import type { LockableEmployeeCopy } from './employeeCopySchema';
import { EMPLOYEE_EVENTS, type EmployeeEvent, type EmployeeEventData } from './employeeEvents';
import { copyKnowing, type EmployeeKnowing } from './knowEmployee';
import { lockableCopyKeeping } from './lockableCopyKeeping';
import { updateEmployeeCopies, updateEmployeeCopy } from './updateEmployeeCopy';

/** A domain's copy of employees in a table made by `employeeCopySchema`, and how it is kept. */
export interface EmployeeCopyKeeper {
  /** Applies one employees event to the copy. */
  apply(em: EntityManager, event: { type: string; data: EmployeeEventData }): Promise<void>;
  /** The handler that keeps the copy from the employees events. */
  handler: CataloguedHandler<EmployeeEvent['type']>;
  /** What a write asks of the copy before it needs an employee (`knowEmployee`). */
  knowing: EmployeeKnowing;
}

/** Keeps `schema`'s copy of employees: every field it has columns for. */
export function keepEmployeeCopy<T extends LockableEmployeeCopy>(
  schema: EntitySchema<T>,
): EmployeeCopyKeeper {
  const keeping = lockableCopyKeeping(schema);
  const apply = async (em: EntityManager, event: { type: string; data: EmployeeEventData }) => {
    await updateEmployeeCopy(em, event, keeping);
  };
  return {
    apply,
    handler: {
      name: 'employee_copy',
      types: EMPLOYEE_EVENTS,
      handle: (event, { em }) => apply(em, event),
      // A backlog (a bulk hire, a catch-up) is read and written once per batch.
      handleBatch: (events, { em }) => updateEmployeeCopies(em, events, keeping),
    },
    knowing: copyKnowing(keeping),
  };
}
