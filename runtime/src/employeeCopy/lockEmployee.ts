import type { EntityDictionary, EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { queryBound, quotedTable } from '../../../messaging';
import type { LockableEmployeeCopy } from './employeeCopySchema';

/**
 * The lock's statement, the person bound rather than written in: MikroORM's query builder
 * wrote the id into the text, so each person's lock was a statement of its own, parsed anew
 * each time and, with many people writing, filling the connection's statement cache.
 */
function lockSql<T extends LockableEmployeeCopy>(tx: EntityManager, schema: EntitySchema<T>) {
  const { properties } = tx.getMetadata().get<LockableEmployeeCopy>(schema.meta.className);
  const column = (name: 'writeLock' | 'id') =>
    tx.getPlatform().quoteIdentifier(properties[name].fieldNames[0]!);
  const lock = column('writeLock');
  return `update ${quotedTable(tx, schema)} set ${lock} = ${lock} + 1 where ${column('id')} = ? returning *`;
}

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
  const rows = await queryBound<EntityDictionary<T>>(tx, lockSql(tx, schema), [employeeId]);
  if (rows.length === 0) return false;
  // A copy `tx` already holds may carry changes not yet flushed: it is left as it is.
  if (!tx.getUnitOfWork().getById(schema.meta.className, employeeId)) tx.map(schema, rows[0]!);
  return true;
}
