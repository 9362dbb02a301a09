import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import {
  AgreementSchema,
  AgreementVersionSchema,
  KnownEmployeeSchema,
  type Agreement,
  type AgreementVersion,
} from './entities';

/** Per-request batches: N employees' agreements or reporting lines cost one query each. */
export interface AgreementLoaders {
  byId: DataLoader<string, Agreement | null>;
  /** An employee's agreements, by start date. */
  byEmployee: DataLoader<string, Agreement[]>;
  /** An agreement's versions, oldest first. */
  versions: DataLoader<string, AgreementVersion[]>;
  /** Managers above an employee, nearest first (one query per level for the whole batch). */
  managerChain: DataLoader<string, string[]>;
}

const MAX_DEPTH = 50;

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row)) ?? [];
    list.push(row);
    groups.set(key(row), list);
  }
  return groups;
}

export function createLoaders({ em }: { em: EntityManager }): AgreementLoaders {
  return {
    byId: new DataLoader(async (ids) => {
      const rows = await em.find(AgreementSchema, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    byEmployee: new DataLoader(async (ids) => {
      const rows = await em.find(
        AgreementSchema,
        { employeeId: { $in: [...ids] } },
        { orderBy: { startDate: 'asc', id: 'asc' } },
      );
      const groups = group(rows, (row) => row.employeeId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    versions: new DataLoader(async (ids) => {
      const rows = await em.find(
        AgreementVersionSchema,
        { agreementId: { $in: [...ids] } },
        { orderBy: { version: 'asc' } },
      );
      const groups = group(rows, (row) => row.agreementId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    managerChain: new DataLoader(async (ids) => {
      const managerOf = new Map<string, string | null>();
      let frontier = [...new Set(ids)];
      for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
        const rows = await em.find(KnownEmployeeSchema, { id: { $in: frontier } });
        for (const row of rows) managerOf.set(row.id, row.managerId);
        frontier = [
          ...new Set(rows.map((row) => row.managerId).filter((id): id is string => !!id)),
        ].filter((id) => !managerOf.has(id));
      }
      return ids.map((id) => {
        const chain: string[] = [];
        for (let at = managerOf.get(id); at && !chain.includes(at); at = managerOf.get(at))
          chain.push(at);
        return chain;
      });
    }),
  };
}
