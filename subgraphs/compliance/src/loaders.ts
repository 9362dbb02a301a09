import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { employeeLoader, managerChainLoader } from '../../../runtime/src/employeeCopy';
import { EmployeeCopySchema, type EmployeeCopy } from './entities';

/** Per-request batches: N employees' copies or chains cost one query each. */
export interface ComplianceLoaders {
  employee: DataLoader<string, EmployeeCopy | null>;
  /** Managers above an employee in compliance's copy, nearest first. */
  managerChain: DataLoader<string, string[]>;
}

export function createLoaders({ em }: { em: EntityManager }): ComplianceLoaders {
  return {
    employee: employeeLoader(em, EmployeeCopySchema),
    managerChain: managerChainLoader(em, EmployeeCopySchema.meta.className),
  };
}
