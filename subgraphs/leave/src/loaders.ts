import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import {
  type CopyLoaders,
  createCopyLoaders,
  type EmployeeRange,
  employeeRowsLoader,
  type PolicyCopy,
  rangeLoader,
} from '../../../runtime';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  type AgreementCopy,
  type EmployeeCopy,
  type LeaveRequest,
  type LeaveStatus,
} from './entities';
import { readCopies } from './leavePolicies';
import { activeRequestsBetween, activeRequestsOf, requestsOf } from './queries';

/** An employee's pending and approved requests ending on or after `floor`. */
export interface ActiveFrom {
  employeeId: string;
  floor: string;
}

/** An employee's pending and approved requests sharing a day with `from` to `to`. */
export type ActiveBetween = EmployeeRange;

/** An employee's requests of one status, or of any when `status` is null. */
export interface OfStatus {
  employeeId: string;
  status: LeaveStatus | null;
}

/** Per-request batches: N employees' copies, agreements, requests or chains cost one query each. */
export interface LeaveLoaders extends CopyLoaders<EmployeeCopy> {
  agreements: DataLoader<string, AgreementCopy[]>;
  activeRequests: DataLoader<ActiveFrom, LeaveRequest[], string>;
  activeBetween: DataLoader<ActiveBetween, LeaveRequest[], string>;
  requests: DataLoader<OfStatus, LeaveRequest[], string>;
  /** Every LEAVE policy version leave holds (the key is `LEAVE`): one query for all balances. */
  policyCopies: DataLoader<'LEAVE', PolicyCopy[]>;
}

export function createLoaders({ em }: { em: EntityManager }): LeaveLoaders {
  return {
    ...createCopyLoaders(em, EmployeeCopySchema),
    agreements: employeeRowsLoader(em, AgreementCopySchema, { startDate: 'asc' }),
    activeRequests: rangeLoader(
      (key) => key.floor,
      (ids, { floor }) => activeRequestsOf(em, ids, floor),
    ),
    activeBetween: rangeLoader(
      (key) => `${key.from}..${key.to}`,
      (ids, { from, to }) => activeRequestsBetween(em, ids, from, to),
    ),
    requests: rangeLoader(
      (key) => key.status ?? '*',
      (ids, { status }) => requestsOf(em, ids, status),
    ),
    policyCopies: new DataLoader(async (keys) => {
      const copies = await readCopies(em);
      return keys.map(() => copies);
    }),
  };
}
