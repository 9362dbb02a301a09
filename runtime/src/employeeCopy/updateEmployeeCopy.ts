import type { EntityManager, EntitySchema, RequiredEntityData } from '@mikro-orm/core';
import type { EmployeeEventData } from './employeeEvents';

/** How one subgraph keeps its copy of employees. */
export interface CopyKeeping<T extends { id: string; version: number }> {
  schema: EntitySchema<T>;
  /** What an event says about the fields the copy keeps; undefined values are not said. */
  patch(type: string, data: EmployeeEventData): Partial<T>;
  /** A new copy's fields, before what its first event says. */
  blank(): Partial<T>;
  /** Whether the copy has an `updatedAt` column, set on every change. */
  dated: boolean;
}

/** A change an event made: the copy as it was (null when new) and as it is now. */
export interface CopyChange<T> {
  before: Readonly<T> | null;
  after: T;
}

const definedOf = (patch: object) =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));

/**
 * Applies one employees event to a subgraph's copy and flushes. An event no newer than the
 * copy is ignored (docs/architecture.md#ordering), so redelivery and reordering never roll
 * the copy back; it returns null then. An event about an employee not seen yet starts a copy.
 */
export async function updateEmployeeCopy<T extends { id: string; version: number }>(
  em: EntityManager,
  event: { type: string; data: EmployeeEventData },
  keeping: CopyKeeping<T>,
): Promise<CopyChange<T> | null> {
  const copy: T | null = await em.findOne(keeping.schema, { id: event.data.employeeId } as object);
  const change = applyToCopy(em, copy, event, keeping);
  await em.flush();
  return change;
}

/**
 * `updateEmployeeCopy` for events that arrived together, in their order: one look-up of the
 * copies they name and one flush, with the end state of one event at a time.
 */
export async function updateEmployeeCopies<T extends { id: string; version: number }>(
  em: EntityManager,
  events: readonly { type: string; data: EmployeeEventData }[],
  keeping: CopyKeeping<T>,
): Promise<void> {
  const ids = [...new Set(events.map((event) => event.data.employeeId))];
  const found: T[] = await em.find(keeping.schema, { id: { $in: ids } } as object);
  const copies = new Map<string, T>(found.map((copy) => [copy.id, copy]));
  for (const event of events) {
    const change = applyToCopy(em, copies.get(event.data.employeeId) ?? null, event, keeping);
    if (change) copies.set(change.after.id, change.after);
  }
  await em.flush();
}

/** The event's change to `copy` (null: none yet), unflushed; null when it is no newer. */
function applyToCopy<T extends { id: string; version: number }>(
  em: EntityManager,
  copy: T | null,
  { type, data }: { type: string; data: EmployeeEventData },
  keeping: CopyKeeping<T>,
): CopyChange<T> | null {
  if (copy && copy.version >= data.version) return null;
  const fields = {
    ...definedOf(keeping.patch(type, data)),
    version: data.version,
    ...(keeping.dated && { updatedAt: new Date() }),
  };
  const before = copy ? { ...copy } : null;
  let after: T;
  if (copy) after = Object.assign(copy, fields);
  else {
    const row = { ...keeping.blank(), ...fields, id: data.employeeId };
    em.persist((after = em.create(keeping.schema, row as unknown as RequiredEntityData<T>)));
  }
  return { before, after };
}
