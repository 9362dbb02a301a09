import { defineEntity, type EntitySchema, type InferEntityFromProperties } from '@mikro-orm/core';
import { rowId } from '../entityColumns';
import type { EmployeeStatus } from './employeeEvents';

type PropertyBuilders = typeof defineEntity.properties;

/** Columns a copy may add to the common ones, in the order its table lists them. */
const extraColumns = {
  /** Region for public holidays: ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND or a country. */
  location: (p: PropertyBuilders) => p.string().length(30),
  timeZone: (p: PropertyBuilders) => p.string().length(64),
  hireDate: (p: PropertyBuilders) => p.string().length(10).nullable(),
  terminationDate: (p: PropertyBuilders) => p.string().length(10).nullable(),
  department: (p: PropertyBuilders) => p.string().length(100).nullable().index(),
};

export type ExtraColumn = keyof typeof extraColumns;

type ExtraProperties<E extends ExtraColumn> = {
  [K in E]: ReturnType<(typeof extraColumns)[K]>;
};

/** The common columns, and the extra ones between them. */
function copyProperties<E extends ExtraColumn>(p: PropertyBuilders, extra: readonly E[]) {
  const picked = (Object.keys(extraColumns) as E[]).filter((column) => extra.includes(column));
  const extras = Object.fromEntries(picked.map((column) => [column, extraColumns[column](p)]));
  return {
    ...rowId(p),
    status: p.string().$type<EmployeeStatus>().length(20),
    managerId: p.string().length(36).nullable().index(),
    ...(extras as ExtraProperties<E>),
    /** The employee's version the copy reflects; older events are ignored. */
    version: p.integer(),
    /** Bumped by every write to the person's data, so writes of one person take turns. */
    writeLock: p.integer().default(0),
    updatedAt: p.datetime(),
  };
}

/** A copy with the common columns and the extra ones `E`. */
export type EmployeeCopyWith<E extends ExtraColumn> = InferEntityFromProperties<
  ReturnType<typeof copyProperties<E>>
>;

/** What a copy keeps when the subgraph also takes each person's writes in turn on it. */
export type LockableEmployeeCopy = EmployeeCopyWith<never>;

export const PLACED_COLUMNS = ['location', 'timeZone', 'hireDate', 'terminationDate'] as const;

/** A lockable copy that also knows where, and from when to when, the person works. */
export type PlacedEmployeeCopy = EmployeeCopyWith<(typeof PLACED_COLUMNS)[number]>;

/**
 * The table of a lockable copy. Each subgraph names its own entity and table; `extra`
 * picks the columns it needs beyond the common ones, and the entity's type follows from them.
 */
export function employeeCopySchema<E extends ExtraColumn>(
  name: string,
  tableName: string,
  extra: readonly E[],
): EntitySchema<EmployeeCopyWith<E>>;
/** The same table typed by an entity the caller declares, which must match the columns. */
export function employeeCopySchema<T extends LockableEmployeeCopy>(
  name: string,
  tableName: string,
  extra: readonly ExtraColumn[],
): EntitySchema<T>;
export function employeeCopySchema(
  name: string,
  tableName: string,
  extra: readonly ExtraColumn[],
): unknown {
  return defineEntity({ name, tableName, properties: (p) => copyProperties(p, extra) });
}
