import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import {
  EmployeeCopySchema,
  type EmployeeCopy,
  type ScheduledShift,
  type TimeEntry,
} from './entities';
import { entriesOf, managerChains, shiftsOf } from './queries';

/** A window read for one employee; the batch groups keys by window. */
export interface WindowKey {
  employeeId: string;
  from: Date;
  to: Date;
}

/** Per-request batches: N employees' entries, shifts, copies or chains cost one query each. */
export interface TimeLoaders {
  entries: DataLoader<WindowKey, TimeEntry[], string>;
  shifts: DataLoader<WindowKey, ScheduledShift[], string>;
  employee: DataLoader<string, EmployeeCopy | null>;
  /** Managers above an employee in time's copy, nearest first. */
  managerChain: DataLoader<string, string[]>;
}

const windowOf = (key: WindowKey) => `${key.from.toISOString()}|${key.to.toISOString()}`;
const cacheKeyFn = (key: WindowKey) => `${key.employeeId}|${windowOf(key)}`;

/** One query per distinct window, with every employee of the batch in it. */
function byWindow<T>(
  read: (ids: string[], from: Date, to: Date) => Promise<Map<string, T[]>>,
): DataLoader.BatchLoadFn<WindowKey, T[]> {
  return async (keys) => {
    const groups = new Map<string, WindowKey[]>();
    for (const key of keys) groups.set(windowOf(key), [...(groups.get(windowOf(key)) ?? []), key]);
    const results = new Map<string, T[]>();
    for (const group of groups.values()) {
      const ids = [...new Set(group.map((k) => k.employeeId))];
      const found = await read(ids, group[0].from, group[0].to);
      for (const key of group) results.set(cacheKeyFn(key), found.get(key.employeeId) ?? []);
    }
    return keys.map((key) => results.get(cacheKeyFn(key)) ?? []);
  };
}

export function createLoaders({ em }: { em: EntityManager }): TimeLoaders {
  return {
    entries: new DataLoader(
      byWindow((ids, from, to) => entriesOf(em, ids, from, to)),
      { cacheKeyFn },
    ),
    shifts: new DataLoader(
      byWindow((ids, from, to) => shiftsOf(em, ids, from, to)),
      { cacheKeyFn },
    ),
    employee: new DataLoader(async (ids) => {
      const rows = await em.find(EmployeeCopySchema, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    managerChain: new DataLoader(async (ids) => {
      const chains = await managerChains(em, ids);
      return ids.map((id) => chains.get(id) ?? []);
    }),
  };
}
