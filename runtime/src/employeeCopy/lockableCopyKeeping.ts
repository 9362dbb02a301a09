import type { EntitySchema } from '@mikro-orm/core';
import { DEFAULT_LOCATION, DEFAULT_TIME_ZONE } from '../calendar';
import type { LockableEmployeeCopy } from './employeeCopySchema';
import { patchKeeping, type EmployeeFields } from './employeePatch';
import type { CopyKeeping } from './updateEmployeeCopy';

/** What a copy holds before any event has said otherwise. */
const BLANK: EmployeeFields & { writeLock: number } = {
  status: 'ACTIVE',
  managerId: null,
  location: DEFAULT_LOCATION,
  timeZone: DEFAULT_TIME_ZONE,
  hireDate: null,
  terminationDate: null,
  department: null,
  writeLock: 0,
};

/** How a table made by `employeeCopySchema` is kept: every field it has columns for. */
export function lockableCopyKeeping<T extends LockableEmployeeCopy>(
  schema: EntitySchema<T>,
): CopyKeeping<T> {
  const columns = Object.keys(schema.meta.properties);
  const fields = columns.filter((c): c is keyof EmployeeFields => c in BLANK && c !== 'writeLock');
  const blank = Object.fromEntries(
    columns.filter((c) => c in BLANK).map((c) => [c, BLANK[c as keyof typeof BLANK]]),
  );
  return {
    schema,
    patch: patchKeeping(fields) as CopyKeeping<T>['patch'],
    blank: () => ({ ...blank }) as Partial<T>,
    dated: true,
  };
}
