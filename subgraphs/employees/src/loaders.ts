import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { idLoader, listLoader, managerChainLoader } from '../../../runtime';
import { EmployeeSchema, type Employee } from './entities';
import { directReports } from './queries';

/** Per-request batches: N employees, reports or chains cost one query each. */
export interface EmployeeLoaders {
  byId: DataLoader<string, Employee | null>;
  directReports: DataLoader<string, Employee[]>;
  /** Managers above an employee, nearest first. */
  managerChain: DataLoader<string, string[]>;
}

export function createLoaders({ em }: { em: EntityManager }): EmployeeLoaders {
  return {
    byId: idLoader(em, EmployeeSchema),
    directReports: listLoader(
      (ids) => directReports(em, ids),
      (row) => row.managerId!,
    ),
    managerChain: managerChainLoader(em, EmployeeSchema.meta.className),
  };
}
