import { EntitySchema, type EntitySchemaMetadata } from '@mikro-orm/core';
import type { EmployeeStatus } from './employeeEvents';

/** What a copy keeps when the subgraph also takes each person's writes in turn on it. */
export interface LockableEmployeeCopy {
  id: string;
  status: EmployeeStatus;
  managerId: string | null;
  /** The employee's version the copy reflects; older events are ignored. */
  version: number;
  /** Bumped by every write to the person's data, so writes of one person take turns. */
  writeLock: number;
  updatedAt: Date;
}

/** Columns a copy may add to the common ones. */
const EXTRA_COLUMNS = {
  location: { type: 'string', length: 30 },
  timeZone: { type: 'string', length: 64 },
  hireDate: { type: 'string', length: 10, nullable: true },
  terminationDate: { type: 'string', length: 10, nullable: true },
  department: { type: 'string', length: 100, nullable: true, index: true },
} as const;

export type ExtraColumn = keyof typeof EXTRA_COLUMNS;

/** A lockable copy that also knows where, and from when to when, the person works. */
export interface PlacedEmployeeCopy extends LockableEmployeeCopy {
  /** Region for public holidays: ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND or a country. */
  location: string;
  timeZone: string;
  hireDate: string | null;
  terminationDate: string | null;
}

export const PLACED_COLUMNS: readonly ExtraColumn[] = [
  'location',
  'timeZone',
  'hireDate',
  'terminationDate',
];

/**
 * The table of a lockable copy. Each subgraph names its own entity and table; `extra`
 * picks the columns it needs beyond the common ones.
 */
export function employeeCopySchema<T extends LockableEmployeeCopy>(
  name: string,
  tableName: string,
  extra: readonly ExtraColumn[],
): EntitySchema<T> {
  const extras = Object.entries(EXTRA_COLUMNS).filter(([column]) =>
    extra.includes(column as ExtraColumn),
  );
  const properties = {
    id: { type: 'string', primary: true, length: 36 },
    status: { type: 'string', length: 20 },
    managerId: { type: 'string', length: 36, nullable: true, index: true },
    ...Object.fromEntries(extras),
    version: { type: 'integer' },
    writeLock: { type: 'integer', default: 0 },
    updatedAt: { type: Date },
  };
  return new EntitySchema<T>({
    name,
    tableName,
    properties: properties as unknown as EntitySchemaMetadata<T>['properties'],
  });
}
