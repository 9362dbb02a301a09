import type { EntityManager, EntitySchema, RequiredEntityData } from '@mikro-orm/core';
import type { EmployeeEventData } from './employeeEvents';
import { findIn } from '../findRows';

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
  const copies = await loadCopies(
    em,
    keeping,
    events.map((event) => event.data.employeeId),
  );
  for (const event of events) await copies.apply(event);
  await em.flush();
}

/** Copies read once for a batch, then changed in memory one event at a time. */
export interface LoadedCopies<T> {
  /** Applies one employees event as `updateEmployeeCopy` does, but leaves the flush to `em`. */
  apply(event: { type: string; data: EmployeeEventData }): Promise<CopyChange<T> | null>;
  /** The copy as the events applied so far left it; null when not known. */
  get(id: string): Promise<T | null>;
}

/**
 * The copies of employees `ids`, in one query, for a batch to apply its events to in order. A
 * copy asked for later is read then, once.
 */
export async function loadCopies<T extends { id: string; version: number }>(
  em: EntityManager,
  keeping: CopyKeeping<T>,
  ids: readonly string[],
): Promise<LoadedCopies<T>> {
  const unique = [...new Set(ids)];
  const found = await findIn(em, keeping.schema, 'id', unique);
  const copies = new Map<string, T | null>(unique.map((id) => [id, null]));
  for (const copy of found) copies.set(copy.id, copy);
  const get = async (id: string): Promise<T | null> => {
    if (!copies.has(id)) copies.set(id, await em.findOne(keeping.schema, { id } as object));
    return copies.get(id) ?? null;
  };
  return {
    get,
    apply: async (event) => {
      const change = applyToCopy(em, await get(event.data.employeeId), event, keeping);
      if (change) copies.set(change.after.id, change.after);
      return change;
    },
  };
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
