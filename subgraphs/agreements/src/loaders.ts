import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { idLoader, listLoader, managerChainLoader } from '../../../runtime';
import {
  AgreementSchema,
  KnownEmployeeSchema,
  type Agreement,
  type AgreementVersion,
} from './entities';
import { agreementsOf, versionsOf } from './queries';

/** Per-request batches: N employees' agreements or reporting lines cost one query each. */
export interface AgreementLoaders {
  byId: DataLoader<string, Agreement | null>;
  /** An employee's agreements, by start date. */
  byEmployee: DataLoader<string, Agreement[]>;
  /** An agreement's versions, oldest first. */
  versions: DataLoader<string, AgreementVersion[]>;
  /** Managers above an employee in the local copy, nearest first. */
  managerChain: DataLoader<string, string[]>;
}

export function createLoaders({ em }: { em: EntityManager }): AgreementLoaders {
  return {
    byId: idLoader(em, AgreementSchema),
    byEmployee: listLoader(
      (ids) => agreementsOf(em, ids),
      (row) => row.employeeId,
    ),
    versions: listLoader(
      (ids) => versionsOf(em, ids),
      (row) => row.agreementId,
    ),
    managerChain: managerChainLoader(em, KnownEmployeeSchema.meta.className),
  };
}
