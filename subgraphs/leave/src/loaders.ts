import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { employeeLoader, managerChainLoader } from '../../../runtime/src/employeeCopy';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  type AgreementCopy,
  type EmployeeCopy,
  type LeaveRequest,
  type LeaveStatus,
} from './entities';
import type { PolicyCopy } from '../../../runtime/src/policies';
import { readCopies } from './leavePolicies';
import { activeRequestsBetween, activeRequestsOf, requestsOf } from './queries';

/** Per-request batches: N employees' copies, agreements, requests or chains cost one query each. */
export interface LeaveLoaders {
  employee: DataLoader<string, EmployeeCopy | null>;
  agreements: DataLoader<string, AgreementCopy[]>;
  /** Pending and approved requests ending on or after a day; the key is `employeeId|floor`. */
  activeRequests: DataLoader<string, LeaveRequest[]>;
  /** Pending and approved requests sharing a day with a period; the key is `employeeId|from..to`. */
  activeBetween: DataLoader<string, LeaveRequest[]>;
  /** All requests of one status (or `*` for any); the key is `employeeId|status`. */
  requests: DataLoader<string, LeaveRequest[]>;
  /** Managers above an employee in leave's copy, nearest first. */
  managerChain: DataLoader<string, string[]>;
  /** Every LEAVE policy version leave holds (the key is `LEAVE`): one query for all balances. */
  policyCopies: DataLoader<'LEAVE', PolicyCopy[]>;
}

/** One query per distinct second part of the keys (`id|part`), with every id of the batch. */
function byPart<T>(
  read: (ids: string[], part: string) => Promise<Map<string, T[]>>,
): DataLoader.BatchLoadFn<string, T[]> {
  return async (keys) => {
    const groups = new Map<string, string[]>();
    for (const key of keys) {
      const [id, part] = key.split('|');
      groups.set(part, [...(groups.get(part) ?? []), id]);
    }
    const results = new Map<string, T[]>();
    for (const [part, ids] of groups) {
      const found = await read([...new Set(ids)], part);
      for (const id of ids) results.set(`${id}|${part}`, found.get(id) ?? []);
    }
    return keys.map((key) => results.get(key) ?? []);
  };
}

export function createLoaders({ em }: { em: EntityManager }): LeaveLoaders {
  return {
    employee: employeeLoader(em, EmployeeCopySchema),
    agreements: new DataLoader(async (ids) => {
      const rows = await em.find(
        AgreementCopySchema,
        { employeeId: { $in: [...ids] } },
        { orderBy: { startDate: 'asc' } },
      );
      return ids.map((id) => rows.filter((row) => row.employeeId === id));
    }),
    activeRequests: new DataLoader(byPart((ids, floor) => activeRequestsOf(em, ids, floor))),
    activeBetween: new DataLoader(
      byPart((ids, period) => {
        const [from, to] = period.split('..');
        return activeRequestsBetween(em, ids, from, to);
      }),
    ),
    requests: new DataLoader(
      byPart((ids, status) => requestsOf(em, ids, status === '*' ? null : (status as LeaveStatus))),
    ),
    managerChain: managerChainLoader(em, 'LeaveEmployee'),
    policyCopies: new DataLoader(async (keys) => {
      const copies = await readCopies(em);
      return keys.map(() => copies);
    }),
  };
}
