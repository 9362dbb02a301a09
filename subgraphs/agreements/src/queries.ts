import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { isPostgres } from '../../../runtime';
import {
  AgreementSchema,
  AgreementVersionSchema,
  KnownEmployeeSchema,
  type KnownEmployee,
} from './entities';

/**
 * Known employees by id, locked for this transaction on PostgreSQL, so two
 * writers for one employee take turns and cannot both pass the overlap check.
 * (SQLite has a single writer already.)
 */
export async function lockEmployees(tx: EntityManager, where: object): Promise<KnownEmployee[]> {
  return tx.find(KnownEmployeeSchema, where, {
    ...(isPostgres(tx) && { lockMode: LockMode.PESSIMISTIC_WRITE }),
  });
}

/** The employees' agreements, by start date. */
export const agreementsOf = (em: EntityManager, employeeIds: string[]) =>
  em.find(
    AgreementSchema,
    { employeeId: { $in: employeeIds } },
    { orderBy: { startDate: 'asc', id: 'asc' } },
  );

/** The agreements' versions, oldest first. */
export const versionsOf = (em: EntityManager, agreementIds: string[]) =>
  em.find(
    AgreementVersionSchema,
    { agreementId: { $in: agreementIds } },
    { orderBy: { version: 'asc' } },
  );
