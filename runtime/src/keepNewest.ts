import type { EntityManager, EntitySchema } from '@mikro-orm/core';
import { findIn } from './findRows';

/** A copy of a record kept from events: the newest version wins. */
type Versioned = { id: string; version: number };

/**
 * Takes a newer version of a record into its copy (`known`, by id), unflushed; null when the
 * copy holds that version or a later one already (an older or repeated event changes nothing).
 */
export function takeNewer<T extends Versioned>(
  em: EntityManager,
  schema: EntitySchema<T>,
  known: Map<string, T>,
  id: string,
  fields: Omit<T, 'id'>,
): T | null {
  let copy = known.get(id);
  if (copy && copy.version >= fields.version) return null;
  if (copy) Object.assign(copy, fields);
  else em.persist((copy = em.create(schema, { id, ...fields } as never)));
  known.set(id, copy);
  return copy;
}

/**
 * `takeNewer` for copies read as plain rows: the newer version as a row of its own, put in
 * `known`; null when the copy holds that version or a later one already. Nothing is
 * written: the caller stores what changed, e.g. with `upsertRows`.
 */
export function newerRow<T extends Versioned>(
  known: Map<string, T>,
  id: string,
  fields: Omit<T, 'id'>,
): T | null {
  const copy = known.get(id);
  if (copy && copy.version >= fields.version) return null;
  const row = { ...copy, id, ...fields } as T;
  known.set(id, row);
  return row;
}

/** `takeNewer` for one record, read first and flushed after. */
export async function keepNewest<T extends Versioned>(
  em: EntityManager,
  schema: EntitySchema<T>,
  id: string,
  fields: Omit<T, 'id'>,
): Promise<T | null> {
  const found = (await em.findOne(schema, id as never)) as T | null;
  const copy = takeNewer(em, schema, new Map(found ? [[id, found]] : []), id, fields);
  await em.flush();
  return copy;
}

/**
 * `keepNewest` for records that arrived together, in their order: one read of the copies
 * they name and one flush, with the end state of one record at a time.
 */
export async function keepNewestOfEach<T extends Versioned>(
  em: EntityManager,
  schema: EntitySchema<T>,
  records: readonly { id: string; fields: Omit<T, 'id'> }[],
): Promise<void> {
  const ids = [...new Set(records.map((record) => record.id))];
  const found = await findIn(em, schema, 'id', ids);
  const known = new Map(found.map((copy) => [copy.id, copy]));
  for (const { id, fields } of records) takeNewer(em, schema, known, id, fields);
  await em.flush();
}
