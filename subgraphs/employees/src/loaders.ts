import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { EmployeeSchema, type Employee } from './entities';
import { directReports, managerChains } from './queries';

/** Per-request batches: N employees, reports or chains cost one query each. */
export interface EmployeeLoaders {
  byId: DataLoader<string, Employee | null>;
  directReports: DataLoader<string, Employee[]>;
  /** Managers above an employee, nearest first. */
  managerChain: DataLoader<string, string[]>;
}

export function createLoaders({ em }: { em: EntityManager }): EmployeeLoaders {
  return {
    byId: new DataLoader(async (ids) => {
      const rows = await em.find(EmployeeSchema, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    directReports: new DataLoader(async (ids) => {
      const reports = await directReports(em, ids);
      return ids.map((id) => reports.get(id) ?? []);
    }),
    managerChain: new DataLoader(async (ids) => {
      const chains = await managerChains(em, ids);
      return ids.map((id) => chains.get(id) ?? []);
    }),
  };
}
