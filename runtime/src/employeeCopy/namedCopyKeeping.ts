import type { EntitySchema } from '@mikro-orm/core';
import type { EmployeeEventData, EmployeeStatus } from './employeeEvents';
import { patchKeeping } from './employeePatch';
import type { CopyKeeping } from './updateEmployeeCopy';

/** A copy that knows whom to address: name, work e-mail, manager and status. */
export interface NamedEmployeeCopy {
  id: string;
  // Optional too: a nullable column of `defineEntity` reads `T | null | undefined`.
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  managerId?: string | null;
  status: EmployeeStatus;
  version: number;
  updatedAt: Date;
}

type NamePatch = Partial<Pick<NamedEmployeeCopy, 'firstName' | 'lastName' | 'email'>>;

const NAME_FIELDS = ['firstName', 'lastName', 'email'] as const;

/** What an employees event says of the name and work e-mail; an update may clear them. */
function namePatch(type: string, data: EmployeeEventData): NamePatch {
  if (type === 'employees.employee.created')
    return { firstName: data.firstName, lastName: data.lastName, email: data.email };
  const patch: NamePatch = {};
  if (type === 'employees.employee.updated')
    for (const field of NAME_FIELDS) {
      const change = data.changes?.[field];
      if (change && 'new' in change) patch[field] = (change.new as string | null) ?? null;
    }
  return patch;
}

const placement = patchKeeping(['status', 'managerId'] as const);

/** How a named copy is kept: status and manager as every copy, and the name and e-mail. */
export function namedCopyKeeping<T extends NamedEmployeeCopy>(
  schema: EntitySchema<T>,
): CopyKeeping<T> {
  return {
    schema,
    patch: (type, data) => ({ ...placement(type, data), ...namePatch(type, data) }) as Partial<T>,
    blank: () =>
      ({
        firstName: null,
        lastName: null,
        email: null,
        managerId: null,
        status: 'ACTIVE',
      }) as Partial<T>,
    dated: true,
  };
}
