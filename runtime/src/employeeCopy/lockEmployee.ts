import { raw, type EntityDictionary, type EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { LockableEmployeeCopy } from './employeeCopySchema';

/**
 * Takes the person's write turn until `tx` ends: the update locks their copy row, so two
 * writes of one person cannot both pass a check of what is already there. The updated row
 * comes back with it and joins `tx`'s identity map (unless `tx` holds the copy already), so
 * a look at the copy later in the transaction costs no statement. False when the subgraph
 * has no copy of the employee.
 */
export async function lockEmployee<T extends LockableEmployeeCopy>(
  tx: EntityManager,
  schema: EntitySchema<T>,
  employeeId: string,
): Promise<boolean> {
  const rows: EntityDictionary<T>[] = await tx
    .createQueryBuilder(schema)
    .update({ writeLock: raw('write_lock + 1') } as object)
    .where({ id: employeeId } as object)
    .returning('*' as never)
    .execute('all', false);
  if (rows.length === 0) return false;
  // A copy `tx` already holds may carry changes not yet flushed: it is left as it is.
  if (!tx.getUnitOfWork().getById(schema.meta.className, employeeId)) tx.map(schema, rows[0]!);
  return true;
}
