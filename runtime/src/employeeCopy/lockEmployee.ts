import { raw, type EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { LockableEmployeeCopy } from './employeeCopySchema';

/**
 * Takes the person's write turn until `tx` ends: the update locks their copy row, so two
 * writes of one person cannot both pass a check of what is already there. False when the
 * subgraph has no copy of the employee.
 */
export async function lockEmployee<T extends LockableEmployeeCopy>(
  tx: EntityManager,
  schema: EntitySchema<T>,
  employeeId: string,
): Promise<boolean> {
  const affected = await tx
    .createQueryBuilder(schema)
    .update({ writeLock: raw('write_lock + 1') } as object)
    .where({ id: employeeId } as object)
    .execute('run');
  return affected.affectedRows > 0;
}
