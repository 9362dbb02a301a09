import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import {
  EmployeeCopySchema,
  type AttendanceDay,
  type AttendanceEntry,
  type EmployeeCopy,
} from './entities';
import { daysOf, entriesOf, managerChains } from './queries';

/** A read of one employee over days `from` to `to`; a batch groups keys by range. */
export interface RangeKey {
  employeeId: string;
  from: string;
  to: string;
}

/** Per-request batches: N employees' days, entries, copies or chains cost one query each. */
export interface AttendanceLoaders {
  days: DataLoader<RangeKey, AttendanceDay[], string>;
  entries: DataLoader<RangeKey, AttendanceEntry[], string>;
  employee: DataLoader<string, EmployeeCopy | null>;
  /** Managers above an employee in attendance's copy, nearest first. */
  managerChain: DataLoader<string, string[]>;
}

const rangeOf = (key: RangeKey) => `${key.from}|${key.to}`;
const cacheKeyFn = (key: RangeKey) => `${key.employeeId}|${rangeOf(key)}`;

/** One query per distinct range, with every employee of the batch in it. */
function byRange<T>(
  read: (ids: string[], from: string, to: string) => Promise<Map<string, T[]>>,
): DataLoader.BatchLoadFn<RangeKey, T[]> {
  return async (keys) => {
    const groups = new Map<string, RangeKey[]>();
    for (const key of keys) groups.set(rangeOf(key), [...(groups.get(rangeOf(key)) ?? []), key]);
    const results = new Map<string, T[]>();
    for (const group of groups.values()) {
      const ids = [...new Set(group.map((k) => k.employeeId))];
      const found = await read(ids, group[0].from, group[0].to);
      for (const key of group) results.set(cacheKeyFn(key), found.get(key.employeeId) ?? []);
    }
    return keys.map((key) => results.get(cacheKeyFn(key)) ?? []);
  };
}

export function createLoaders({ em }: { em: EntityManager }): AttendanceLoaders {
  return {
    days: new DataLoader(
      byRange((ids, from, to) => daysOf(em, ids, from, to)),
      { cacheKeyFn },
    ),
    entries: new DataLoader(
      byRange((ids, from, to) => entriesOf(em, ids, from, to)),
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
